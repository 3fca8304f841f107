// Element Plus and its icons, registered once.
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import * as Icons from '@element-plus/icons-vue'

export function installElementPlus(app) {
  app.use(ElementPlus)
  for (const [name, component] of Object.entries(Icons)) app.component(name, component)
}

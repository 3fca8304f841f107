// Element Plus: components come in per use through the build (vite.config.js); here are the
// pieces used from script — the message and confirm boxes with their styles — and the icons
// that menus and buttons name as strings, registered once.
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import {
  Avatar, Bell, DataAnalysis, Document, Download, HomeFilled, Menu as MenuIcon, OfficeBuilding, Plus, Printer, Refresh, SetUp, Upload, User, Warning
} from '@element-plus/icons-vue'

const icons = { Avatar, Bell, DataAnalysis, Document, Download, HomeFilled, MenuIcon, OfficeBuilding, Plus, Printer, Refresh, SetUp, Upload, User, Warning }

export function installElementPlus(app) {
  for (const [name, component] of Object.entries(icons)) app.component(name, component)
}

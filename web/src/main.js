// Entry: wires Vue, Pinia, the router, i18n and Element Plus.
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import router from './router'
import { i18n } from './locales'
import { installElementPlus } from './plugins/element'
import './styles/print.css'

const app = createApp(App)
app.use(createPinia())
app.use(i18n)
installElementPlus(app)
app.use(router)
app.mount('#app')

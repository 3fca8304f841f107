// vue-i18n with zh-CN as the default and English second; the choice persists in localStorage.
import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('xinan.locale') : null

export const i18n = createI18n({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en }
})

if (typeof document !== 'undefined') document.documentElement.lang = i18n.global.locale.value

// UI preferences: the language.
import { defineStore } from 'pinia'
import { i18n } from '@/locales'

export const useAppStore = defineStore('app', {
  state: () => ({ locale: i18n.global.locale.value }),
  actions: {
    setLocale(locale) {
      this.locale = locale
      i18n.global.locale.value = locale
      localStorage.setItem('xinan.locale', locale)
      document.documentElement.lang = locale
    }
  }
})

// The signed-in user (GET /auth/me) and what they may do; `can(p)` checks one permission.
import { defineStore } from 'pinia'
import * as auth from '@/api/auth'

export const useUserStore = defineStore('user', {
  state: () => ({ user: null, loaded: false }),
  getters: {
    can: (state) => (permission) => !permission || !!state.user?.permissions?.includes(permission)
  },
  actions: {
    async load() {
      if (this.loaded) return this.user
      try {
        this.user = await auth.me()
      } catch {
        this.user = null
      }
      this.loaded = true
      return this.user
    },
    async login(username, password) {
      const r = await auth.login(username, password)
      this.user = r.user
      this.loaded = true
    },
    async logout() {
      try { await auth.logout() } finally { this.forget() }
    },
    // The session ended (logout, or the server answered 401).
    forget() {
      this.user = null
      this.loaded = true
    }
  }
})

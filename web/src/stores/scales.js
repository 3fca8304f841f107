// The scale library's list, fetched once per page load for views that only show scale names
// (the alert inbox reloads every 10 s and should not fetch the list each time).
import { defineStore } from 'pinia'
import { listScales } from '@/api/assess'

export const useScaleStore = defineStore('scales', {
  state: () => ({ list: [], loading: null }),
  actions: {
    // Resolves once the list is there; a failed fetch is tried again on the next call.
    load() {
      if (this.list.length) return Promise.resolve(this.list)
      if (!this.loading) {
        this.loading = listScales()
          .then((list) => { this.list = list; return list })
          .finally(() => { this.loading = null })
      }
      return this.loading
    }
  }
})

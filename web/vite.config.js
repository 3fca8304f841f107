// Vite build of the web UI into dist/ (served by `xinan serve`); dev server proxies the API.
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath, URL } from 'node:url'

export default defineConfig({
  plugins: [vue()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  build: {
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: { manualChunks: { 'element-plus': ['element-plus'], vue: ['vue', 'vue-router', 'pinia', 'vue-i18n'] } }
    }
  }
})

// Vite build of the web UI into dist/ (served by `xinan serve`); dev server proxies the API.
// Element Plus components and their styles are imported per use (unplugin-vue-components), so
// the phone self-assessment page does not download the whole library.
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { fileURLToPath, URL } from 'node:url'

export default defineConfig({
  plugins: [
    vue(),
    Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: false, dirs: [] })
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  build: {
    chunkSizeWarningLimit: 600,  // ECharts (~540 kB) is one lazy chunk, loaded only by chart pages
    rollupOptions: {
      output: { manualChunks: { vue: ['vue', 'vue-router', 'pinia', 'vue-i18n'] } }
    }
  }
})

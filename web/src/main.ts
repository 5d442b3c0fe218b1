import { createApp } from 'vue'
import wasmUrl from './wasm-gen/chatlens_core.wasm?url'
import AnalysisWorker from './analysis/worker?worker&inline'
import { AnalysisClient } from './analysis/client'
import App from './App.vue'
import { lang } from './i18n'
import { keepLazyChunksAtHand } from './lib/lazy-pages'
import { startRouter } from './router'
import { connect } from './store'
import './styles.css'

document.documentElement.lang = lang.value
startRouter()
// The worker and the core start now, so that dropping files starts at once and
// the app keeps working if the network goes away after this page loaded.
connect(
  new AnalysisClient({
    createWorker: () => new AnalysisWorker() as unknown as import('./analysis/client').WorkerLike,
    compileWasm: async () => {
      const res = await fetch(wasmUrl)
      if (!res.ok) throw new Error(`HTTP ${res.status} for the core`)
      return 'compileStreaming' in WebAssembly && res.headers.get('content-type')?.includes('wasm')
        ? WebAssembly.compileStreaming(res)
        : WebAssembly.compile(await res.arrayBuffer())
    },
  }),
)
createApp(App).mount('#app')
// What the first page does not show is fetched once the page is idle (lib/lazy-pages.ts).
if (typeof requestIdleCallback === 'function') requestIdleCallback(() => keepLazyChunksAtHand(), { timeout: 2000 })
else setTimeout(() => keepLazyChunksAtHand(), 1000)

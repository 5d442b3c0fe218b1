// What the upload page does not show is loaded when it is needed (a chunk of its own):
// the report's views and cards, the comparison, the example report. The page that is
// open after loading is smaller to parse and to keep, and the analysis runs beside less.
import { defineAsyncComponent } from 'vue'
import type { Report } from '../report'

export const loadReportPage = () => import('../pages/ReportPage.vue')
export const loadReportView = () => import('../components/ReportView.vue')
export const loadDemoReport = (): Promise<Report> => import('../demo/demo').then((m) => m.demoReport)

export const ReportPage = defineAsyncComponent(loadReportPage)
export const ComparePage = defineAsyncComponent(() => import('../pages/ComparePage.vue'))
export const SourcePage = defineAsyncComponent(() => import('../pages/SourcePage.vue'))
export const ReportView = defineAsyncComponent(loadReportView)

// The chunks above, as the build names them (vite.config.ts, lazyChunkList, writes the list in
// place of this placeholder; under the dev server it stays a string and nothing is fetched ahead).
const LAZY_CHUNKS: string | string[] = '__CHATLENS_LAZY_CHUNKS__'

// Fetched and compiled, not run (modulepreload), once the page is idle: the report opens
// even when the network went away after the page loaded, and until it opens the page
// holds no more than their compiled script.
export function keepLazyChunksAtHand(chunks: string | string[] = LAZY_CHUNKS, base = import.meta.url) {
  if (!Array.isArray(chunks) || typeof document === 'undefined') return
  for (const chunk of chunks) {
    const link = document.createElement('link')
    link.rel = 'modulepreload'
    link.crossOrigin = ''
    link.href = new URL(chunk, base).href
    document.head.append(link)
  }
}

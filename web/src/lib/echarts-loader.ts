// ECharts is loaded on its own (a chunk of its own), when the first chart is mounted:
// the upload page, the landing page's first screen and the analysis never hold it
// (about 600 kB of script, parsed and kept by the page).
type EChartsModule = typeof import('./echarts')

let loaded: EChartsModule | null = null
let loading: Promise<EChartsModule> | null = null

export function loadECharts(): Promise<EChartsModule> {
  loading ??= import('./echarts').then((m) => (loaded = m))
  return loading
}

// ECharts if it has arrived (a chart drawn now, e.g. before printing), else null.
export const echartsNow = (): EChartsModule | null => loaded

// ECharts is the app's largest dependency and only the report's charts need it: it is
// loaded once, on first use, in its own chunk (inlined in the single-file report).
let loading: Promise<typeof import('./echarts')> | null = null

export function loadECharts(): Promise<typeof import('./echarts')> {
  loading ??= import('./echarts')
  return loading
}

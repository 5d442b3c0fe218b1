// The single-file report's ECharts (vite.config.ts puts this in place of echarts-loader.ts for
// `--mode report`): one file holds everything, so nothing is loaded later.
import * as lib from './echarts'

export const loadECharts = () => Promise.resolve(lib)
export const echartsNow = () => lib

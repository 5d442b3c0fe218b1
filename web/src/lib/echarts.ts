// ECharts, only the parts the cards use (keeps the bundle small).
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts'
import { AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, VisualMapComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([BarChart, HeatmapChart, LineChart, AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, VisualMapComponent, CanvasRenderer])

export { echarts }
export type EChartsOption = echarts.EChartsCoreOption

// Every series painted in one go. ECharts paints a long series (bars past 3,000 points) a few
// milliseconds per frame; a chart disposed between two of those frames (the page left while it
// paints, likelier on a slow phone) makes zrender read its released layers and throw.
export function drawnAtOnce(option: EChartsOption): EChartsOption {
  const series = option.series
  if (!series) return option
  const list = (Array.isArray(series) ? series : [series]) as Record<string, unknown>[]
  return { ...option, series: list.map((s) => ({ progressive: 0, ...s })) }
}

// Kept for older imports; cards take the colours from ./palette, which does not load ECharts.
export { palette } from './palette'

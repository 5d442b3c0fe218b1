// ECharts, only the parts the cards use (keeps the bundle small).
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts'
import { AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, VisualMapComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([BarChart, HeatmapChart, LineChart, AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, VisualMapComponent, CanvasRenderer])

export { echarts }
export type EChartsOption = echarts.EChartsCoreOption

// Kept for older imports; cards take the colours from ./palette, which does not load ECharts.
export { palette } from './palette'

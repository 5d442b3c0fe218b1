// ECharts, only the parts the cards use (keeps the bundle small).
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts'
import { AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, VisualMapComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([BarChart, HeatmapChart, LineChart, AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, VisualMapComponent, CanvasRenderer])

export { echarts }
export type EChartsOption = echarts.EChartsCoreOption

export const palette = ['#0f5b4f', '#8a3b00', '#3b5bdb', '#9c36b5', '#2b8a3e', '#c92a2a', '#5c677d']

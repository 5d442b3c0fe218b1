// Component tests: charts are drawn by ECharts on a canvas, which the test DOM
// lacks; ChartBox is replaced by its text summary (what assistive technology gets).
import { config } from '@vue/test-utils'
import { defineComponent, h } from 'vue'

config.global.stubs = {
  ChartBox: defineComponent({
    props: ['option', 'summary', 'label', 'height'],
    setup: (props) => () => h('figure', { 'data-chart-stub': props.label }, [h('figcaption', props.summary)]),
  }),
}

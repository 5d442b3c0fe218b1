// A chart is drawn only once its box comes near the screen (issue 16: every chart of the
// report drawn at once held canvases nobody had scrolled to), stays drawn, and every chart
// is drawn before printing. ECharts is replaced by a recorder, the browser's
// IntersectionObserver by one the test drives.
import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const inits: { el: Element; opts: Record<string, unknown> }[] = []
const disposed: Element[] = []
let observers: FakeObserver[] = []

class FakeObserver {
  watched = new Set<Element>()
  constructor(
    private callback: (entries: { target: Element; isIntersecting: boolean }[]) => void,
    readonly options: { rootMargin?: string } = {},
  ) {
    observers.push(this)
  }
  observe(el: Element) {
    this.watched.add(el)
  }
  unobserve(el: Element) {
    this.watched.delete(el)
  }
  disconnect() {
    this.watched.clear()
  }
  report(el: Element, isIntersecting: boolean) {
    this.callback([{ target: el, isIntersecting }])
  }
}

beforeEach(() => {
  vi.resetModules()
  inits.length = 0
  disposed.length = 0
  observers = []
  vi.doMock('../../src/lib/echarts', () => ({
    drawnAtOnce: (o: unknown) => o,
    echarts: {
      init: (el: Element, _theme: unknown, opts: Record<string, unknown>) => {
        inits.push({ el, opts })
        return { setOption: () => {}, getWidth: () => 0, resize: () => {}, dispose: () => disposed.push(el) }
      },
    },
  }))
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.doUnmock('../../src/lib/echarts')
})

// ECharts arrives on its own (lib/echarts-loader.ts); loaded first unless a test waits for it.
async function chartBox(loaded = true) {
  if (loaded) await (await import('../../src/lib/echarts-loader')).loadECharts()
  return (await import('../../src/components/ChartBox.vue')).default
}
const props = { option: { series: [] }, summary: 'summary', label: 'label' }

describe('charts drawn when near the screen', () => {
  it('a chart far below the screen has no ECharts instance until it comes near; then it keeps it', async () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver)
    const ChartBox = await chartBox()
    const w = mount(ChartBox, { props, attachTo: document.body })
    const box = w.find('[data-chart]').element
    expect(inits).toHaveLength(0)
    expect(w.find('[data-chart-drawn]').exists()).toBe(false)
    expect(observers).toHaveLength(1)
    expect(observers[0].options.rootMargin).toBe('100% 0px')
    expect(observers[0].watched.has(box)).toBe(true)

    observers[0].report(box, false) // still far
    expect(inits).toHaveLength(0)
    observers[0].report(box, true)
    expect(inits.map((i) => i.el)).toEqual([box])
    await w.vm.$nextTick()
    expect(w.find('[data-chart-drawn]').exists()).toBe(true)
    expect(observers[0].watched.has(box)).toBe(false) // drawn: no longer watched
    observers[0].report(box, false) // scrolled away: kept
    expect(disposed).toHaveLength(0)
    w.unmount()
    expect(disposed).toEqual([box])
  })

  it('printing draws every chart not yet drawn, and a chart mounted while printing at once', async () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver)
    const ChartBox = await chartBox()
    const a = mount(ChartBox, { props, attachTo: document.body })
    const b = mount(ChartBox, { props, attachTo: document.body })
    expect(inits).toHaveLength(0)
    dispatchEvent(new Event('beforeprint'))
    expect(inits.map((i) => i.el)).toEqual([a.find('[data-chart]').element, b.find('[data-chart]').element])
    const c = mount(ChartBox, { props, attachTo: document.body })
    expect(inits).toHaveLength(3)
    dispatchEvent(new Event('afterprint'))
    const d = mount(ChartBox, { props, attachTo: document.body })
    expect(inits).toHaveLength(3) // after printing, waits again
    for (const w of [a, b, c, d]) w.unmount()
  })

  it('ECharts is loaded when a chart mounts, not before; a chart already near is drawn when it arrives', async () => {
    vi.stubGlobal('IntersectionObserver', undefined)
    const loader = await import('../../src/lib/echarts-loader')
    const ChartBox = await chartBox(false)
    expect(loader.echartsNow()).toBeNull()
    const w = mount(ChartBox, { props, attachTo: document.body })
    expect(inits).toHaveLength(0)
    expect(w.find('[data-chart-drawn]').exists()).toBe(false)
    await loader.loadECharts()
    await w.vm.$nextTick()
    expect(inits.map((i) => i.el)).toEqual([w.find('[data-chart]').element])
    expect(w.find('[data-chart-drawn]').exists()).toBe(true)
    w.unmount()
    expect(disposed).toHaveLength(1)
  })

  it('a chart unmounted before ECharts arrives is never drawn', async () => {
    vi.stubGlobal('IntersectionObserver', undefined)
    const loader = await import('../../src/lib/echarts-loader')
    const ChartBox = await chartBox(false)
    const w = mount(ChartBox, { props, attachTo: document.body })
    w.unmount()
    await loader.loadECharts()
    await new Promise((r) => setTimeout(r, 0))
    expect(inits).toHaveLength(0)
  })

  it('an unmounted chart that was never drawn is no longer watched', async () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver)
    const ChartBox = await chartBox()
    const w = mount(ChartBox, { props, attachTo: document.body })
    const box = w.find('[data-chart]').element
    w.unmount()
    expect(observers[0].watched.has(box)).toBe(false)
    observers[0].report(box, true)
    expect(inits).toHaveLength(0)
  })

  it('without IntersectionObserver every chart is drawn at once', async () => {
    vi.stubGlobal('IntersectionObserver', undefined)
    const ChartBox = await chartBox()
    const w = mount(ChartBox, { props, attachTo: document.body })
    expect(inits).toHaveLength(1)
    w.unmount()
  })

  it("a chart's canvas has at most 2 pixels per CSS pixel (a phone at 3x)", async () => {
    const { chartPixelRatio } = await import('../../src/lib/chart-init')
    expect(chartPixelRatio(3)).toBe(2)
    expect(chartPixelRatio(2)).toBe(2)
    expect(chartPixelRatio(1.5)).toBe(1.5)
    expect(chartPixelRatio(1)).toBe(1)
    vi.stubGlobal('IntersectionObserver', undefined)
    vi.stubGlobal('devicePixelRatio', 3)
    const ChartBox = await chartBox()
    const w = mount(ChartBox, { props, attachTo: document.body })
    expect(inits[0].opts.devicePixelRatio).toBe(2)
    w.unmount()
  })
})

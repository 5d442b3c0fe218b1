// The report mounts its first card at once and the others later: when they come
// near the screen, when the page is idle, before printing, or when linked to.
// The browser's IntersectionObserver and idle callbacks are replaced by ones the
// test drives, so each step is explicit.
import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest'
import { nextTick } from 'vue'
import ReportView from '../../src/components/ReportView.vue'
import { CARD_NAMES } from '../../src/report/manifest'

const { rich: demo } = inject('reports')

let observers: FakeObserver[] = []
let idleQueue: (() => void)[] = []
class FakeObserver {
  watched = new Set<Element>()
  constructor(private callback: (entries: { target: Element; isIntersecting: boolean }[]) => void) {
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
  // The placeholder of this card comes near the viewport.
  near(card: string) {
    const el = [...this.watched].find((e) => e.getAttribute('data-card-pending') === card)
    if (!el) throw new Error(`${card} is not observed`)
    this.callback([{ target: el, isIntersecting: true }])
  }
}

beforeEach(() => {
  observers = []
  idleQueue = []
  vi.stubGlobal('IntersectionObserver', FakeObserver)
  vi.stubGlobal('requestIdleCallback', (f: () => void) => idleQueue.push(f))
  vi.stubGlobal('cancelIdleCallback', () => {})
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => (f(), 0))
})
afterEach(() => vi.unstubAllGlobals())

const mounted = (w: ReturnType<typeof mount>) => w.findAll('[data-card]').map((e) => e.attributes('data-card'))
const pending = (w: ReturnType<typeof mount>) => w.findAll('[data-card-pending]').map((e) => e.attributes('data-card-pending'))

describe('lazy cards', () => {
  it('mounts the first card at once; the others wait, titled, under their link targets', () => {
    const w = mount(ReportView, { props: { report: demo } })
    expect(mounted(w)).toEqual([CARD_NAMES[0]])
    expect(pending(w)).toEqual(CARD_NAMES.slice(1))
    for (const c of CARD_NAMES.slice(1)) {
      expect(w.find(`#card-${c}`).attributes('data-card-pending')).toBe(c)
      expect(w.find(`#card-${c}-title`).text()).not.toBe('')
    }
    expect(w.find('[data-cards-ready]').exists()).toBe(false)
    w.unmount()
  })

  it('puts every card, waiting or mounted, in its own slot that the browser may leave unpainted', async () => {
    const w = mount(ReportView, { props: { report: demo } })
    await new Promise((r) => setTimeout(r, 0))
    idleQueue.shift()!()
    await nextTick()
    const slots = w.findAll('.cards > [data-card-slot]')
    expect(slots.map((s) => s.attributes('data-card-slot'))).toEqual([...CARD_NAMES])
    for (const s of slots) {
      expect(s.classes()).toContain('card-slot')
      // One card (mounted, or its placeholder) per slot, of that slot's name.
      const card = s.findAll('[data-card], [data-card-pending]')
      expect(card.map((c) => c.attributes('data-card') ?? c.attributes('data-card-pending'))).toEqual([s.attributes('data-card-slot')])
    }
    expect(mounted(w)).toEqual(CARD_NAMES.slice(0, 2))
    w.unmount()
  })

  it('mounts a card below the fold when it is scrolled near, with its share button', async () => {
    const w = mount(ReportView, { props: { report: demo } })
    expect(observers[0].watched.size).toBe(0) // not before the first screen is painted
    await new Promise((r) => setTimeout(r, 0))
    const last = CARD_NAMES[CARD_NAMES.length - 1]
    observers[0].near(last)
    await nextTick()
    expect(mounted(w)).toEqual([CARD_NAMES[0], last])
    expect(w.find(`[data-share-card="${last}"]`).exists()).toBe(true)
    expect(observers[0].watched.size).toBe(CARD_NAMES.length - 2) // the mounted one is no longer watched
    w.unmount()
  })

  it('mounts the rest one card per idle moment, until every card is there', async () => {
    const w = mount(ReportView, { props: { report: demo } })
    expect(idleQueue.length).toBe(0) // not before the first screen is painted
    await new Promise((r) => setTimeout(r, 0))
    for (let i = 1; i < CARD_NAMES.length; i++) {
      expect(idleQueue.length).toBe(1)
      idleQueue.shift()!()
      await nextTick()
      expect(mounted(w)).toEqual(CARD_NAMES.slice(0, i + 1))
    }
    expect(idleQueue.length).toBe(0)
    expect(pending(w)).toEqual([])
    expect(w.find('[data-cards-ready]').exists()).toBe(true)
    w.unmount()
  })

  it('mounts the cards already in view before the first paint (a tall screen), not the ones below', async () => {
    const inView = new Set<string>([CARD_NAMES[1], CARD_NAMES[2]])
    vi.stubGlobal('innerHeight', 900)
    const rect = vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      const top = inView.has(this.getAttribute('data-card-pending') ?? '') ? 600 : 1400
      return { top, bottom: top + 300, height: 300, left: 0, right: 800, width: 800, x: 0, y: top, toJSON: () => ({}) } as DOMRect
    })
    const w = mount(ReportView, { props: { report: demo } })
    await nextTick()
    expect(mounted(w)).toEqual(CARD_NAMES.slice(0, 3))
    expect(idleQueue.length).toBe(0) // the rest still waits for the first screen to be painted
    rect.mockRestore()
    w.unmount()
  })

  it('mounts every card before printing, and the cards up to a linked one', async () => {
    const w = mount(ReportView, { props: { report: demo } })
    await w.setProps({ focusCard: CARD_NAMES[3] })
    expect(mounted(w)).toEqual(CARD_NAMES.slice(0, 4))
    dispatchEvent(new Event('beforeprint'))
    await nextTick()
    expect(mounted(w)).toEqual([...CARD_NAMES])
    w.unmount()
  })
})

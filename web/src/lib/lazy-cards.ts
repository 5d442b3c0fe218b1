// Cards mount in steps, so that the report's first screen shows before every chart
// of every card is drawn (on a slow phone the charts of all cards cost seconds):
// the first cards at once (and any other already in view), the others when they come
// near the viewport or, one by one, when the browser is idle. Printing, a link to a
// card and a test that waits for `allShown` get every card. Without IntersectionObserver (old browsers, the test
// DOM) every card mounts at once, as before.
import { computed, onBeforeUnmount, onMounted, shallowRef, type ComputedRef } from 'vue'

export interface LazyCards {
  isShown: (name: string) => boolean
  // Mounts the cards up to this one (included): what is above it keeps its height when it is scrolled to.
  showUpTo: (name: string) => void
  showAll: () => void
  allShown: ComputedRef<boolean>
  // A ref callback for a card's placeholder: observed until its card mounts.
  placeholder: (name: string) => (el: unknown) => void
}

export interface LazyCardsOptions {
  first?: number // cards mounted at once (default 1)
  margin?: string // how near the viewport a placeholder must come (IntersectionObserver rootMargin)
}

// Laid out and at least partly inside the viewport (a box not laid out has no height).
function inView(el: Element): boolean {
  const r = el.getBoundingClientRect()
  return r.height > 0 && r.top < innerHeight && r.bottom > 0
}

type IdleHandle = number
// Looked up when called (not when loaded): tests put their own in place.
const idle = (f: () => void): IdleHandle =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(f, { timeout: 2000 }) : (setTimeout(f, 50) as unknown as IdleHandle)
const cancelIdle = (h: IdleHandle) => (typeof cancelIdleCallback === 'function' ? cancelIdleCallback(h) : clearTimeout(h))

export function useLazyCards(names: () => readonly string[], options: LazyCardsOptions = {}): LazyCards {
  const lazy = typeof IntersectionObserver !== 'undefined'
  const shown = shallowRef<ReadonlySet<string>>(new Set(lazy ? names().slice(0, options.first ?? 1) : names()))
  const allShown = computed(() => names().every((n) => shown.value.has(n)))

  function show(list: readonly string[]) {
    const add = list.filter((n) => !shown.value.has(n))
    if (add.length) shown.value = new Set([...shown.value, ...add])
  }
  const showAll = () => show(names())
  function showUpTo(name: string) {
    const at = names().indexOf(name)
    if (at >= 0) show(names().slice(0, at + 1))
  }

  const watched = new Map<Element, string>()
  const observer = lazy
    ? new IntersectionObserver(
        (entries) => {
          const near = entries.filter((e) => e.isIntersecting).map((e) => watched.get(e.target))
          show(near.filter((n): n is string => !!n))
        },
        { rootMargin: options.margin ?? '50% 0px' },
      )
    : null
  // One callback per card, so that re-rendering the list does not re-observe every placeholder.
  const callbacks = new Map<string, (el: unknown) => void>()
  const placeholder = (name: string) => {
    let f = callbacks.get(name)
    if (!f) callbacks.set(name, (f = (el: unknown) => track(name, el)))
    return f
  }
  function track(name: string, el: unknown) {
    if (!observer) return
    for (const [e, n] of watched)
      if (n === name && e !== el) {
        observer.unobserve(e)
        watched.delete(e)
      }
    if (el instanceof Element && !watched.has(el)) {
      watched.set(el, name)
      if (started) observer.observe(el)
    }
  }

  // The rest, one card per idle moment, beginning after the first screen is painted.
  let handle: IdleHandle | null = null
  let stopped = false
  let started = false // placeholders are observed once the first screen is painted
  function step() {
    handle = null
    if (stopped) return
    const next = names().find((n) => !shown.value.has(n))
    if (next === undefined) return
    show([next])
    if (!allShown.value) handle = idle(step)
  }
  const onPrint = () => showAll()
  onMounted(() => {
    if (!lazy) return
    addEventListener('beforeprint', onPrint)
    // Cards already in view (a tall screen) mount now, before the first paint: the first screen
    // shows them whole, not their placeholders for a frame or more.
    show([...watched].filter(([el]) => inView(el)).map(([, n]) => n))
    // After the frame that paints the first screen (a timeout set in a frame callback runs after
    // its paint): the cards near the screen, then the rest.
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (stopped) return
        started = true
        for (const el of watched.keys()) observer?.observe(el)
        handle = idle(step)
      }),
    )
  })
  onBeforeUnmount(() => {
    stopped = true
    if (handle !== null) cancelIdle(handle)
    observer?.disconnect()
    watched.clear()
    if (lazy) removeEventListener('beforeprint', onPrint)
  })

  return { isShown: (n) => shown.value.has(n), showUpTo, showAll, allShown, placeholder }
}

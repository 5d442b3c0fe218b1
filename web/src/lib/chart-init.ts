// When a chart is drawn: only once its box comes near the screen. Every chart of the
// report drawn at once held its canvases and ECharts' own state for charts nobody had
// scrolled to (a 390x844 phone at 3x: about 3.5 MB of canvas a chart). A chart drawn
// stays drawn. Printing draws every chart that is not yet (beforeprint); a chart
// mounted while printing is drawn at once. Without IntersectionObserver (old browsers,
// the test DOM) charts are drawn at once, as before.

// How near the screen a chart's box must come: a screen above or below.
export const CHART_MARGIN = '100% 0px'

// Pixels per CSS pixel of a chart's canvas: the screen's, at most 2 (a phone at 3x
// holds 2.25 times the pixels of 2x for a chart that reads the same).
export const MAX_CHART_DPR = 2
export const chartPixelRatio = (dpr = typeof devicePixelRatio === 'number' ? devicePixelRatio : 1) => Math.min(MAX_CHART_DPR, dpr || 1)

type Draw = () => void
const waiting = new Map<Element, Draw>()
let observer: IntersectionObserver | null = null
let printing = false
let listening = false

function drawNow(el: Element) {
  const draw = waiting.get(el)
  if (!draw) return
  waiting.delete(el)
  observer?.unobserve(el)
  draw()
}

function listen() {
  if (listening || typeof addEventListener !== 'function') return
  listening = true
  addEventListener('beforeprint', () => {
    printing = true
    drawAllCharts()
  })
  addEventListener('afterprint', () => (printing = false))
}

// Already within a screen of the viewport: drawn before the next paint, not a frame after it
// (the observer reports after the paint).
function nearNow(el: Element): boolean {
  const r = el.getBoundingClientRect()
  return r.height > 0 && r.top < 2 * innerHeight && r.bottom > -innerHeight
}

// Calls draw once el is near the screen (at once when it cannot be told, or when printing);
// returns a function that cancels it.
export function whenNear(el: Element, draw: Draw): () => void {
  if (typeof IntersectionObserver === 'undefined' || printing || nearNow(el)) {
    draw()
    return () => {}
  }
  listen()
  observer ??= new IntersectionObserver((entries) => entries.forEach((e) => e.isIntersecting && drawNow(e.target)), { rootMargin: CHART_MARGIN })
  waiting.set(el, draw)
  observer.observe(el)
  return () => {
    if (waiting.delete(el)) observer?.unobserve(el)
  }
}

// Every chart still waiting, drawn now (before printing).
function drawAllCharts() {
  for (const el of [...waiting.keys()]) drawNow(el)
}

// The formatters the report's first screen uses, made ahead while the worker analyses (the
// page's main thread waits then). Making the first date formatter of a page loads the
// locale's data: tens of milliseconds on the phone profile, between the report's arrival
// and its first screen otherwise.
import { formatList, formatNumber, formatPercent, translatePlural, type Lang } from '../i18n'
import { bytes, clockMinutes, date, duration, month, weekdayNames } from './format'

export function warmFormats(l: Lang) {
  date('2025-01-01', l)
  month('2025-01', l)
  clockMinutes(0, l)
  weekdayNames(l)
  duration(90, l)
  bytes(2048, l)
  formatNumber(1, l)
  formatNumber(1.5, l)
  formatNumber(0.25, l)
  formatPercent(0.5, l)
  formatList(['a', 'b'], l)
  translatePlural(l, 'unit.messages', 2)
}

// In the page's next idle moment (the analysis has just been handed to the worker).
export function warmFormatsWhenIdle(l: Lang) {
  const run = () => warmFormats(l)
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1000 })
  else setTimeout(run, 0)
}

// Numbers, durations, dates and clock times in the reader's language.
import { lang, type Lang } from '../i18n'
import { dateTimeFormat, numberFormat } from './intl-cache'

const unitFormat = (l: Lang, unit: string, n: number) =>
  numberFormat(l, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: n < 10 && !Number.isInteger(n) ? 1 : 0 }).format(n)

export function duration(seconds: number | null | undefined, l: Lang = lang.value): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—'
  const s = Math.max(0, seconds)
  if (s < 60) return unitFormat(l, 'second', Math.round(s))
  if (s < 3600) return unitFormat(l, 'minute', Math.round(s / 60))
  if (s < 86400) {
    const h = Math.floor(s / 3600)
    const m = Math.round((s - h * 3600) / 60)
    return m > 0 && h < 10 ? `${unitFormat(l, 'hour', h)} ${unitFormat(l, 'minute', m)}` : unitFormat(l, 'hour', Math.round(s / 3600))
  }
  return unitFormat(l, 'day', Math.round((s / 86400) * 10) / 10)
}

function utcDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:T(\d{2}):(\d{2}))?/.exec(iso)
  if (!m) return null
  return new Date(Date.UTC(+m[1], +m[2] - 1, m[3] ? +m[3] : 1, m[4] ? +m[4] : 0, m[5] ? +m[5] : 0))
}

export function date(iso: string | null | undefined, l: Lang = lang.value): string {
  if (!iso) return '—'
  const d = utcDate(iso)
  return d ? dateTimeFormat(l, { dateStyle: 'medium', timeZone: 'UTC' }).format(d) : iso
}

export function month(iso: string | null | undefined, l: Lang = lang.value): string {
  if (!iso) return '—'
  const d = utcDate(iso)
  return d ? dateTimeFormat(l, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d) : iso
}

export function hour(h: number, l: Lang = lang.value): string {
  return clockMinutes(h * 60, l)
}

export function clockMinutes(minutes: number, l: Lang = lang.value): string {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440
  const d = new Date(Date.UTC(2020, 0, 1, Math.floor(m / 60), m % 60))
  return dateTimeFormat(l, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(d)
}

// "22:39" (the core's clock labels) in the reader's convention.
export function clock(label: string | null | undefined, l: Lang = lang.value): string {
  if (!label) return '—'
  const m = /^(\d{1,2}):(\d{2})$/.exec(label)
  return m ? clockMinutes(+m[1] * 60 + +m[2], l) : label
}

export function bytes(n: number, l: Lang = lang.value): string {
  if (n < 1024) return `${numberFormat(l).format(n)} B`
  if (n < 1024 ** 2) return unitFormat(l, 'kilobyte', Math.round(n / 1024))
  if (n < 1024 ** 3) return unitFormat(l, 'megabyte', Math.round((n / 1024 ** 2) * 10) / 10)
  return unitFormat(l, 'gigabyte', Math.round((n / 1024 ** 3) * 10) / 10)
}

// Monday first, as the core's grids.
export function weekdayNames(l: Lang = lang.value, style: 'short' | 'long' = 'short'): string[] {
  const f = dateTimeFormat(l, { weekday: style, timeZone: 'UTC' })
  return Array.from({ length: 7 }, (_, i) => f.format(new Date(Date.UTC(2024, 0, 1 + i))))
}

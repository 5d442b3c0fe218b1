// Intl formatters, made once per language and options. Making one looks the locale's
// data up (tenths of a millisecond, more on a slow phone); a report page and a progress
// display format thousands of numbers, dates and plurals, so each is made once and reused.
const made = new Map<string, unknown>()

function once<T>(kind: string, l: string, options: object | undefined, make: () => T): T {
  const key = `${kind}\u0000${l}\u0000${options ? JSON.stringify(options) : ''}`
  let f = made.get(key) as T | undefined
  if (f === undefined) made.set(key, (f = make()))
  return f
}

export const numberFormat = (l: string, o?: Intl.NumberFormatOptions) => once('number', l, o, () => new Intl.NumberFormat(l, o))
export const dateTimeFormat = (l: string, o?: Intl.DateTimeFormatOptions) => once('date', l, o, () => new Intl.DateTimeFormat(l, o))
export const pluralRules = (l: string, o?: Intl.PluralRulesOptions) => once('plural', l, o, () => new Intl.PluralRules(l, o))
export const listFormat = (l: string, o?: Intl.ListFormatOptions) => once('list', l, o, () => new Intl.ListFormat(l, o))
export const displayNames = (l: string, o: Intl.DisplayNamesOptions) => once('names', l, o, () => new Intl.DisplayNames([l], o))

// How many formatters were made so far (tests: a formatter warmed up is not made again).
export const formattersMade = () => made.size

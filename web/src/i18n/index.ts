// Spanish and English. The language comes from the browser, can be switched, and
// the choice is remembered on this device only. Messages are flat keys with
// {name} parameters; plurals use "key.one" / "key.other" chosen by Intl.PluralRules.
// The catalogues are JSON so that the chatlens command reads the same words
// (cli/ embeds en.json at build time for its terminal summary).
import { computed, ref } from 'vue'
import en from './en.json'
import es from './es.json'
import { listFormat, numberFormat, pluralRules } from '../lib/intl-cache'

export type Lang = 'en' | 'es'
export const languages: Lang[] = ['en', 'es']
export const catalogs: Record<Lang, Record<string, string>> = { en, es }

const STORAGE_KEY = 'chatlens.lang'

export function detectLanguage(preferred: readonly string[] = browserLanguages()): Lang {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0]
    if (base === 'es' || base === 'en') return base
  }
  return 'en'
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return []
  return navigator.languages?.length ? navigator.languages : [navigator.language]
}

function storedLanguage(): Lang | null {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY)
    return v === 'en' || v === 'es' ? v : null
  } catch {
    return null
  }
}

export const lang = ref<Lang>(storedLanguage() ?? detectLanguage())

export function setLanguage(l: Lang) {
  lang.value = l
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, l)
  } catch {
    /* private mode: the choice lasts this visit */
  }
  if (typeof document !== 'undefined') document.documentElement.lang = l
}

export type Params = Record<string, unknown>

function format(value: unknown, l: Lang): string {
  if (value === null || value === undefined) return '—'
  if (Array.isArray(value))
    return formatList(
      value.map((v) => format(v, l)),
      l,
    )
  if (typeof value === 'number') return formatNumber(value, l)
  // A sentence inside a sentence (e.g. the kind of a problem in a source's note).
  if (isMessage(value)) return translateMessage(l, value)
  return String(value)
}

export function formatList(items: string[], l: Lang = lang.value): string {
  try {
    return listFormat(l, { style: 'long', type: 'conjunction' }).format(items)
  } catch {
    return items.join(', ')
  }
}

// Fractions below 1 keep two digits (a mood of -0.03 on a -1..+1 scale is not "0"); a value
// that rounds to zero never shows a minus sign ("-0").
export function formatNumber(n: number, l: Lang = lang.value, digits?: number): string {
  const size = Math.abs(n)
  const max = digits ?? (Number.isInteger(n) ? 0 : size < 1 ? 2 : size < 10 ? 1 : 0)
  const scale = 10 ** max
  return numberFormat(l, { maximumFractionDigits: max }).format(Math.round(n * scale) === 0 ? 0 : n)
}

export function formatPercent(share: number, l: Lang = lang.value): string {
  return numberFormat(l, { style: 'percent', maximumFractionDigits: 0 }).format(share)
}

// Translates `key` in language `l`; missing keys fall back to English, then to the key itself.
// A value that ends with its own full stop ("L. F.", "Ana G.") where the sentence puts one
// keeps only its own: a sentence never ends "..".
export function translate(l: Lang, key: string, params: Params = {}): string {
  let text = catalogs[l][key] ?? catalogs.en[key]
  if (text === undefined) return key
  return text.replace(/\{(\w+)\}(\.?)/g, (m, name: string, dot: string) => {
    if (!(name in params)) return m
    const value = format(params[name], l)
    return dot && value.endsWith('.') ? value : value + dot
  })
}

export function translatePlural(l: Lang, key: string, count: number, params: Params = {}): string {
  const rule = pluralRules(l).select(count)
  const k = catalogs[l][`${key}.${rule}`] !== undefined ? `${key}.${rule}` : `${key}.other`
  return translate(l, k, { count, ...params })
}

// A sentence of the report: the core never writes words, only {key, params}
// (docs/report.schema.json, $defs/message). A "count" parameter picks the plural
// form when the catalogue has "key.one"/"key.other"; without one, a "min" (the fixed
// threshold of "Fewer than {min} …") does, so such a sentence reads right for any threshold.
export interface Message {
  key: string
  params?: Params
}

export function isMessage(v: unknown): v is Message {
  return !!v && typeof v === 'object' && typeof (v as Message).key === 'string'
}

export function translateMessage(l: Lang, m: Message): string {
  const params = m.params ?? {}
  const count = typeof params.count === 'number' ? params.count : params.min
  if (typeof count === 'number' && catalogs[l][`${m.key}.other`] !== undefined) return translatePlural(l, m.key, count, params)
  return translate(l, m.key, params)
}

export function has(key: string, l: Lang = lang.value): boolean {
  return catalogs[l][key] !== undefined
}

// For components: t() and tn() follow the current language reactively.
export function useI18n() {
  return {
    lang,
    t: (key: string, params?: Params) => translate(lang.value, key, params),
    tn: (key: string, count: number, params?: Params) => translatePlural(lang.value, key, count, params),
    tm: (m: Message) => translateMessage(lang.value, m),
    locale: computed(() => lang.value),
  }
}

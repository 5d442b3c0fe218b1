// Tolerant readers for the sections whose exact shape is still settling (mood,
// topics, emoji_wall): each looks for the data by meaning (a list of points in
// time with a score, a list of terms, a list of emoji with counts) rather than
// by one fixed path, so a card keeps working when a key is renamed.
import { arr, type Json } from './json'

const PERIOD_KEYS = ['month', 'week', 'date', 'day', 'period', 'year', 'from', 'start']
const SCORE_KEYS = ['score', 'mean', 'average', 'value', 'polarity', 'sentiment', 'median']
const LOW_KEYS = ['low', 'lower', 'ci_low', 'low_95', 'p25', 'p10', 'min']
const HIGH_KEYS = ['high', 'upper', 'ci_high', 'high_95', 'p75', 'p90', 'max']
const COUNT_KEYS = ['count', 'scored', 'messages', 'n', 'uses', 'occurrences', 'total', 'times']

const firstKey = (o: Json, keys: string[]) => keys.find((k) => o && o[k] !== undefined && o[k] !== null)
const isObj = (v: Json) => v !== null && typeof v === 'object' && !Array.isArray(v)

export interface TimePoint {
  period: string
  score: number
  low?: number
  high?: number
  count?: number
}

// The longest list of {period, score[, low, high]} anywhere in the section (depth ≤ 3).
export function timeSeries(section: Json, preferred: string[] = ['timeline', 'by_month', 'months', 'series', 'weeks', 'by_week']): TimePoint[] {
  const candidates: { rank: number; list: Json[] }[] = []
  const visit = (v: Json, depth: number, key = '') => {
    if (Array.isArray(v)) {
      if (v.length && v.every(isObj) && firstKey(v[0], PERIOD_KEYS) && firstKey(v[0], SCORE_KEYS)) {
        const rank = preferred.indexOf(key)
        candidates.push({ rank: rank < 0 ? preferred.length : rank, list: v })
      }
      return
    }
    if (isObj(v) && depth < 3) for (const [k, child] of Object.entries(v)) visit(child, depth + 1, k)
  }
  visit(section, 0)
  const list = candidates.sort((a, b) => a.rank - b.rank)[0]?.list
  if (!list) return []
  return list
    .map((p: Json) => {
      const period = String(p[firstKey(p, PERIOD_KEYS)!])
      const score = Number(p[firstKey(p, SCORE_KEYS)!])
      let low = firstKey(p, LOW_KEYS) ? Number(p[firstKey(p, LOW_KEYS)!]) : undefined
      let high = firstKey(p, HIGH_KEYS) ? Number(p[firstKey(p, HIGH_KEYS)!]) : undefined
      const band = p.confidence ?? p.interval ?? p.ci
      if (Array.isArray(band) && band.length === 2) [low, high] = band.map(Number)
      else if (isObj(band)) {
        low = Number(band[firstKey(band, LOW_KEYS) ?? 'low'])
        high = Number(band[firstKey(band, HIGH_KEYS) ?? 'high'])
      }
      const countKey = firstKey(p, COUNT_KEYS)
      return {
        period,
        score,
        low: Number.isFinite(low) ? low : undefined,
        high: Number.isFinite(high) ? high : undefined,
        count: countKey ? Number(p[countKey]) : undefined,
      }
    })
    .filter((p: TimePoint) => Number.isFinite(p.score))
}

export interface Term {
  term: string
  weight?: number
}

// ["a", "b"] or [{term|word|topic|name, count|score|weight}]
export function terms(list: Json): Term[] {
  return arr(list)
    .map((t: Json) => {
      if (typeof t === 'string') return { term: t }
      if (!isObj(t)) return null
      const k = firstKey(t, ['term', 'word', 'topic', 'token', 'name', 'label', 'emoji'])
      const w = firstKey(t, ['score', 'weight', 'count', 'tfidf', 'share', 'uses', 'n'])
      return k ? { term: String(t[k]).trim(), weight: w ? Number(t[w]) : undefined } : null
    })
    .filter((t): t is Term => !!t && t.term.length > 0)
    .filter((t, i, all) => all.findIndex((o) => o.term.toLocaleLowerCase() === t.term.toLocaleLowerCase()) === i)
}

export interface Group {
  label: string
  terms: Term[]
}

// by_year / by_chat: either [{year|chat|title, terms|top|words}] or {"2023": [...]}.
export function groups(value: Json, labelKeys: string[]): Group[] {
  if (Array.isArray(value)) {
    return value
      .filter(isObj)
      .map((g: Json) => {
        const lk = firstKey(g, labelKeys)
        const tk = firstKey(g, ['terms', 'top', 'words', 'topics', 'interests', 'top_terms'])
        return { label: lk ? String(g[lk]) : '', terms: terms(tk ? g[tk] : []) }
      })
      .filter((g) => g.terms.length > 0)
  }
  if (isObj(value))
    return Object.entries(value)
      .map(([label, list]) => ({ label, terms: terms(list) }))
      .filter((g) => g.terms.length > 0)
  return []
}

export interface EmojiCount {
  emoji: string
  hexcode?: string
  count: number
  name?: string
  names?: Record<string, string> // by language: name_en, name_es
}

function fromHex(hex: string): string {
  try {
    return String.fromCodePoint(...hex.split(/[-\s]/).map((h) => parseInt(h, 16)))
  } catch {
    return ''
  }
}

// The longest list of {emoji|hexcode, count} in the section.
export function emojiCounts(section: Json): EmojiCount[] {
  let best: Json[] = []
  const visit = (v: Json, depth: number) => {
    if (Array.isArray(v)) {
      if (v.length > best.length && v.every(isObj) && firstKey(v[0], ['emoji', 'hexcode', 'char', 'glyph']) && firstKey(v[0], COUNT_KEYS)) best = v
      return
    }
    if (isObj(v) && depth < 3) for (const child of Object.values(v)) visit(child, depth + 1)
  }
  visit(section, 0)
  return best
    .map((e: Json) => {
      const hexcode = typeof e.hexcode === 'string' ? e.hexcode : undefined
      const glyph = e.emoji ?? e.char ?? e.glyph
      const emoji = typeof glyph === 'string' && glyph ? glyph : hexcode ? fromHex(hexcode) : ''
      const names: Record<string, string> = {}
      for (const [k, v] of Object.entries(e)) if (k.startsWith('name_') && typeof v === 'string') names[k.slice(5)] = v
      return { emoji, hexcode, count: Number(e[firstKey(e, COUNT_KEYS)!]) || 0, name: typeof e.name === 'string' ? e.name : undefined, names }
    })
    .filter((e) => e.emoji)
}

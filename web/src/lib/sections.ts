// The report's sections as cards, in reading order, and helpers shared by cards.
import { has, translate, translatePlural, type Lang } from '../i18n'
import { get, type Json } from './json'

export const CARD_SECTIONS = [
  'overview',
  'activity',
  'reply_speed',
  'conversations',
  'mood',
  'comings_goings',
  'topics',
  'sleep_work',
  'shared_groups',
  'emoji_wall',
  'privacy',
] as const
export type CardName = (typeof CARD_SECTIONS)[number]

// The sections each card reads (sleep and work share one card).
export const CARD_SOURCES: Record<CardName, string[]> = {
  overview: ['overview'],
  activity: ['activity'],
  reply_speed: ['reply_speed'],
  conversations: ['conversations'],
  mood: ['mood'],
  comings_goings: ['comings_goings'],
  topics: ['topics'],
  sleep_work: ['sleep', 'work'],
  shared_groups: ['shared_groups'],
  emoji_wall: ['emoji_wall'],
  privacy: ['privacy'],
}

export function section(report: Json, name: string): Json | undefined {
  return get(report, ['sections', name])
}

// A section has usable data unless it says otherwise.
export function enough(s: Json | undefined): boolean {
  return !!s && s.enough_data !== false
}

// The core's notes are English sentences; the known ones are translated here
// (pattern -> key with the numbers as parameters), others are shown as they are.
const NOTES: [RegExp, string, string[]][] = [
  [/^fewer than (\d+) messages of yours: hours would be noise$/, 'note.fewer_messages_hours', ['n']],
  [/^no contact has at least (\d+) replies in either direction yet$/, 'note.no_contact_replies', ['n']],
  [/^no messages exchanged with you were found/, 'note.no_exchanged', []],
  [/^less than 6 months of history/, 'note.less_than_6_months', []],
  [/^fewer than (\d+) nights could be inferred/, 'note.few_nights', ['n']],
  [/^too few messages on weekdays and weekends/, 'note.no_work_pattern', []],
  [/^no group chats of yours/, 'note.no_groups', []],
  [/^not enough data for any statement yet/, 'note.no_statements', []],
  [/^no messages written by people in these inputs/, 'note.no_messages', []],
]

// A message of the core: {key, params}, its words in the catalogues (a count-like parameter picks
// the plural form "key.one" / "key.other" when the catalogue has them).
export function messageText(m: Json, l: Lang): string | undefined {
  if (!m || typeof m !== 'object' || typeof m.key !== 'string') return undefined
  const params: Record<string, unknown> = { ...(m.params ?? {}) }
  const count = ['count', 'min', 'n'].map((k) => params[k]).find((v) => typeof v === 'number') as number | undefined
  if (count !== undefined && (has(`${m.key}.other`, l) || has(`${m.key}.one`, l))) return translatePlural(l, m.key, count, params)
  return has(m.key, l) ? translate(l, m.key, params) : undefined
}

export function noteText(note: Json, l: Lang): string {
  if (!note) return translate(l, 'card.not_enough')
  if (typeof note === 'object') return messageText(note, l) ?? translate(l, 'card.not_enough')
  for (const [re, key, names] of NOTES) {
    const m = re.exec(note)
    if (m) {
      const params: Record<string, unknown> = {}
      names.forEach((n, i) => (params[n] = Number(m[i + 1])))
      return translate(l, key, params)
    }
  }
  return note
}

// "What your messages reveal": the core's statements are i18n keys with
// parameters (core/insights/privacy.cpp); this renders them in either language,
// with their evidence, formatting each parameter by its meaning.
import { formatList, formatNumber, formatPercent, has, translate, type Lang } from '../i18n'
import { clock, duration, hour } from './format'
import { displayNames } from './intl-cache'
import type { Privacy } from '../report'
import { arr, type Json } from './json'

export const PRIVACY_KEYS = [
  'privacy.sleep_schedule',
  'privacy.working_hours',
  'privacy.reply_priorities',
  'privacy.closest_people',
  'privacy.people_who_left',
  'privacy.daily_routine',
  'privacy.languages',
  'privacy.interests',
  'privacy.social_circles',
] as const

export function languageName(code: string, l: Lang): string {
  try {
    return displayNames(l, { type: 'language' }).of(code) ?? code
  } catch {
    return code
  }
}

function formatParams(params: Json, l: Lang, names: (n: string) => string): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(params ?? {})) {
    if (k === 'bedtime' || k === 'wake_up' || k === 'from' || k === 'to') out[k] = clock(String(v), l)
    // Inside a sentence: "(a night owl)", not the card's label "(Night owl)".
    else if (k === 'verdict') out[k] = translate(l, `sleep.verdict_phrase.${v}`)
    else if (k === 'hour') out[k] = hour(Number(v), l)
    else if (k === 'names') out[k] = formatList(arr<string>(v).map(names), l)
    else if (k === 'name') out[k] = names(String(v))
    else if (k === 'languages')
      out[k] = formatList(
        arr<string>(v).map((c) => languageName(c, l)),
        l,
      )
    else if (k === 'terms')
      out[k] = formatList(
        [
          ...new Set(
            arr<string>(v)
              .map((x) => String(x).trim())
              .filter(Boolean),
          ),
        ],
        l,
      )
    else out[k] = v
  }
  return out
}

function formatEvidence(evidence: Json, l: Lang): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(evidence ?? {})) {
    if (k === 'median_seconds') out[k] = duration(Number(v), l)
    else if (k.startsWith('share')) out[k] = formatPercent(Number(v), l)
    else if (typeof v === 'boolean') out[k] = translate(l, v ? 'common.yes' : 'common.no')
    else if (typeof v === 'number') out[k] = formatNumber(v, l)
    else out[k] = v
  }
  return out
}

export interface RenderedStatement {
  key: string
  section: string
  text: string
  evidence: string
}

export type Statement = Privacy['statements'][number]

export function renderStatement(s: Statement, l: Lang, names: (n: string) => string = (n) => n): RenderedStatement {
  const params = formatParams(s.params, l, names)
  const text = has(s.key, l) ? translate(l, s.key, params) : `${s.key} ${JSON.stringify(s.params)}`
  const evidenceKey = `${s.key}.evidence`
  const evidence = has(evidenceKey, l) ? translate(l, evidenceKey, formatEvidence(s.evidence, l)) : ''
  return { key: s.key, section: s.section, text, evidence }
}

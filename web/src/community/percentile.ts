// Where the person stands among the community, computed here in the browser from
// the histogram the service publishes (GET /api/v1/community: per measure, the
// buckets with at least k contributors). Nothing more is ever sent for this: the
// person's own value comes from their report's community_summary.
import type { Community, Distribution } from './client'

// The measures with a published distribution, the card that shows each one, and
// the i18n key of the sentence ("longer messages than about {share} of people").
export const PERCENTILE_MEASURES = [
  { measure: 'avg_text_length', card: 'overview', key: 'percentile.avg_text_length' },
  { measure: 'messages_per_active_day', card: 'activity', key: 'percentile.messages_per_active_day' },
  { measure: 'minutes_per_day', card: 'activity', key: 'percentile.minutes_per_day' },
] as const

export type PercentileMeasure = (typeof PERCENTILE_MEASURES)[number]['measure']

export interface Placement {
  measure: PercentileMeasure
  card: string
  key: string
  value: number // the person's own (bucketed) value
  share: number // 0..1: the share of people below the person (mid-rank in their bucket)
  about: number // share rounded to the nearest 5% for a sentence ("about 70%")
  people: number // contributors behind the distribution
}

// The share of the published contributors below `value`: everyone in lower
// buckets plus half of those in the same bucket. Null when fewer than k people
// stand behind the published distribution, or there is nothing to place in.
export function placeIn(dist: Distribution | undefined, value: number | undefined, k: number): { share: number; people: number } | null {
  if (!dist || typeof value !== 'number' || !Number.isFinite(value)) return null
  const buckets = (dist.buckets ?? []).filter((b) => b.contributors >= k)
  const people = buckets.reduce((n, b) => n + b.contributors, 0)
  if (people < k || people === 0) return null
  let below = 0
  let same = 0
  for (const b of buckets) {
    if (b.value < value) below += b.contributors
    else if (b.value === value) same += b.contributors
  }
  return { share: (below + same / 2) / people, people }
}

export const roundToFive = (share: number) => Math.round(share * 20) / 20

// Every measure the person can be placed on, in the order of PERCENTILE_MEASURES.
export function placements(community: Community | null | undefined, summary: Record<string, unknown> | null | undefined): Placement[] {
  if (!community || !summary) return []
  const k = Math.max(1, community.k_threshold ?? 1)
  const out: Placement[] = []
  for (const m of PERCENTILE_MEASURES) {
    const value = summary[m.measure]
    const p = placeIn(community.distributions?.[m.measure], typeof value === 'number' ? value : undefined, k)
    if (p) out.push({ ...m, value: value as number, share: p.share, about: roundToFive(p.share), people: p.people })
  }
  return out
}

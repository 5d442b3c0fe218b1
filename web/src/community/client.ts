// The opt-in comparison with other people. Only the report's community_summary
// (docs/community-summary.md: a few bucketed numbers, no names, no text, no
// dates) is ever sent, and only after the user saw it and said yes.
//   POST {base}/api/v1/contributions   body: the summary, exactly
//   GET  {base}/api/v1/community       the published distributions (server/community_aggregation.hpp)
// The base URL is configuration (VITE_COMMUNITY_URL at build time, or a
// <meta name="chatlens-community"> the server writes); default: this page's origin.
import { get, type Json } from '../lib/json'

export function communityBase(): string {
  const meta = typeof document !== 'undefined' ? document.querySelector<HTMLMetaElement>('meta[name="chatlens-community"]') : null
  const configured = meta?.content?.trim() || (import.meta.env?.VITE_COMMUNITY_URL as string | undefined)?.trim() || ''
  return configured.replace(/\/+$/, '')
}

export class CommunityUnavailable extends Error {}

export interface Bucket {
  value: number
  contributors: number
  below: number // share of published contributors below this bucket
  at: number // share in this bucket
}

export interface Distribution {
  published: number
  mean?: number
  buckets: Bucket[]
}

export interface Community {
  contributors?: number
  k_threshold?: number
  distributions: Record<string, Distribution>
  hour_profile: (Distribution & { hour: number })[]
  top_emoji: { hexcode: string; contributors: number; share: number }[]
}

type Fetch = typeof fetch

async function call(fetcher: Fetch, url: string, init?: RequestInit): Promise<Response> {
  let res: Response
  try {
    res = await fetcher(url, { ...init, credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' })
  } catch (e) {
    throw new CommunityUnavailable(e instanceof Error ? e.message : String(e))
  }
  return res
}

// The service's errors are JSON, {"error": {"code": "...", "message": "..."}} (server/openapi.yaml,
// components.schemas.Error); the message is written for people. Empty when the body is not that.
async function serviceError(res: Response): Promise<{ code?: string; message?: string }> {
  let body: Json
  try {
    body = await res.json()
  } catch {
    return {}
  }
  const code = get(body, 'error.code')
  const message = get(body, 'error.message')
  return {
    code: typeof code === 'string' && code ? code : undefined,
    message: typeof message === 'string' && message.trim() ? message.trim() : undefined,
  }
}

export async function fetchCommunity(base = communityBase(), fetcher: Fetch = fetch): Promise<Community> {
  const res = await call(fetcher, `${base}/api/v1/community`, { headers: { Accept: 'application/json' } })
  if (!res.ok) throw new CommunityUnavailable((await serviceError(res)).message ?? `HTTP ${res.status}`)
  let body: Json
  try {
    body = await res.json()
  } catch {
    throw new CommunityUnavailable('not a community service (the answer is not JSON)')
  }
  if (!body || typeof body !== 'object' || !body.distributions) throw new CommunityUnavailable('not a community service')
  return {
    contributors: body.contributors,
    k_threshold: body.k_threshold,
    distributions: body.distributions ?? {},
    hour_profile: Array.isArray(body.hour_profile) ? body.hour_profile : [],
    top_emoji: Array.isArray(body.top_emoji) ? body.top_emoji : [],
  }
}

export interface ContributionResult {
  ok: boolean
  status: number
  code?: string // the service's error code ("unknown_field", "rate_limited", ...) when refused
  message?: string // the service's explanation when refused
}

// `summary` as a string is sent byte for byte (the page shows the user exactly that text).
export async function contribute(summary: Json | string, base = communityBase(), fetcher: Fetch = fetch): Promise<ContributionResult> {
  const key = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `k-${Date.now()}-${Math.random().toString(36).slice(2)}`
  const res = await call(fetcher, `${base}/api/v1/contributions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: typeof summary === 'string' ? summary : JSON.stringify(summary),
  })
  if (res.ok) return { ok: true, status: res.status }
  return { ok: false, status: res.status, ...(await serviceError(res)) }
}

export function emojiShare(community: Community | null, hexcode: string): number | null {
  const e = community?.top_emoji.find((x) => x.hexcode === hexcode)
  return e ? e.share : null
}

export function hexToEmoji(hexcode: string): string {
  try {
    return String.fromCodePoint(...hexcode.split('-').map((h) => parseInt(h, 16)))
  } catch {
    return hexcode
  }
}

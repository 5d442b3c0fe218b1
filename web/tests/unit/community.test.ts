// The comparison talks to the community service only on request, sends exactly
// the summary, and turns every network failure into "unavailable".
import { describe, expect, it } from 'vitest'
import { CommunityUnavailable, contribute, fetchCommunity } from '../../src/community/client'

const summary = {
  schema: 'chatlens.community_summary',
  version: 1,
  top_emoji: ['1F602'],
  avg_text_length: 35,
  messages_per_active_day: 25,
  minutes_per_day: 30,
  hour_profile: Array(24).fill(4),
}

describe('community client', () => {
  it('posts the summary as JSON with an idempotency key', async () => {
    const calls: [string, RequestInit][] = []
    const fake = (async (url: string, init: RequestInit) => {
      calls.push([url, init])
      return new Response('{}', { status: 201 })
    }) as unknown as typeof fetch
    const res = await contribute(summary, 'https://community.test', fake)
    expect(res.ok).toBe(true)
    expect(calls[0][0]).toBe('https://community.test/api/v1/contributions')
    expect(JSON.parse(String(calls[0][1].body))).toEqual(summary)
    expect((calls[0][1].headers as Record<string, string>)['Idempotency-Key'].length).toBeGreaterThanOrEqual(16)
    expect(calls[0][1].credentials).toBe('omit')
  })

  it('reads the published distributions', async () => {
    const body = {
      schema: 'chatlens.community',
      version: 1,
      contributors: 12,
      distributions: { avg_text_length: { published: 12, buckets: [] } },
      hour_profile: [],
      top_emoji: [],
    }
    const fake = (async () => new Response(JSON.stringify(body), { status: 200 })) as unknown as typeof fetch
    const c = await fetchCommunity('', fake)
    expect(c.contributors).toBe(12)
  })

  it('reports an unreachable or wrong service as unavailable', async () => {
    const down = (async () => {
      throw new TypeError('Failed to fetch')
    }) as unknown as typeof fetch
    await expect(fetchCommunity('', down)).rejects.toBeInstanceOf(CommunityUnavailable)
    const html = (async () => new Response('<html>', { status: 200 })) as unknown as typeof fetch
    await expect(fetchCommunity('', html)).rejects.toBeInstanceOf(CommunityUnavailable)
    const notFound = (async () => new Response('no', { status: 404 })) as unknown as typeof fetch
    await expect(fetchCommunity('', notFound)).rejects.toBeInstanceOf(CommunityUnavailable)
  })
})

// The comparison talks to the community service only on request, sends exactly
// the summary, and turns every network failure into "unavailable".
import { afterEach, describe, expect, it } from 'vitest'
import { CommunityUnavailable, communityBase, contribute, fetchCommunity } from '../../src/community/client'

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

  it("shows the service's own message when it refuses a contribution", async () => {
    // The shape every error of the service has (server/openapi.yaml, Error; server/routes.cpp send_error).
    const refusal = {
      error: { code: 'unknown_field', message: 'unknown field "name"; the fields are schema, version, top_emoji' },
    }
    const fake = (async () =>
      new Response(JSON.stringify(refusal), { status: 400, headers: { 'Content-Type': 'application/json' } })) as unknown as typeof fetch
    const res = await contribute(summary, 'https://community.test', fake)
    expect(res).toEqual({ ok: false, status: 400, code: 'unknown_field', message: refusal.error.message })
  })

  it("has no message to show when a refusal is not the service's JSON", async () => {
    for (const body of ['<html>busy</html>', '{"message":"not the service\'s shape"}', '', '{"error":"x"}']) {
      const fake = (async () => new Response(body, { status: 503 })) as unknown as typeof fetch
      const res = await contribute(summary, 'https://community.test', fake)
      expect(res).toEqual({ ok: false, status: 503 })
    }
  })

  it("says why the service cannot show the comparison, in the service's words", async () => {
    const body = { error: { code: 'overloaded', message: 'the server is busy; retry in a moment' } }
    const fake = (async () => new Response(JSON.stringify(body), { status: 503 })) as unknown as typeof fetch
    await expect(fetchCommunity('', fake)).rejects.toThrow('the server is busy; retry in a moment')
    const bare = (async () => new Response('', { status: 502 })) as unknown as typeof fetch
    await expect(fetchCommunity('', bare)).rejects.toThrow('HTTP 502')
  })

  describe('where the service is', () => {
    afterEach(() => document.querySelectorAll('meta[name="chatlens-community"]').forEach((m) => m.remove()))

    it("is the page's own origin unless configured", () => {
      expect(communityBase()).toBe('')
    })

    it('is the address `chatlens serve --community-url` writes into the page, and the app sends there', async () => {
      const meta = document.createElement('meta')
      meta.name = 'chatlens-community'
      meta.content = 'https://community.example.org:8443/chatlens/'
      document.head.prepend(meta)
      expect(communityBase()).toBe('https://community.example.org:8443/chatlens')
      const urls: string[] = []
      const fake = (async (url: string) => {
        urls.push(url)
        return new Response('{}', { status: 201 })
      }) as unknown as typeof fetch
      await contribute(summary, undefined, fake)
      expect(urls).toEqual(['https://community.example.org:8443/chatlens/api/v1/contributions'])
    })
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

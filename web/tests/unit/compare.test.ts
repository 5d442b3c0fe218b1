// The comparison page shows the community's top emoji beside the owner's and the owner's hour
// profile against the community's, each only where at least k contributors stand behind it.
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, inject, it, vi } from 'vitest'
import ComparePage from '../../src/pages/ComparePage.vue'
import { state } from '../../src/store'

const hour = (h: number, published: number, mean?: number) => ({ hour: h, published, mean, buckets: [] })
const community = {
  schema: 'chatlens.community',
  version: 1,
  k_threshold: 5,
  contributors: 40,
  distributions: { avg_text_length: { published: 0, buckets: [] } },
  // Hours 0-11 have 6 contributors behind them, 12-23 none published.
  hour_profile: Array.from({ length: 24 }, (_, h) => (h < 12 ? hour(h, 6, 4 + h / 10) : hour(h, 0))),
  top_emoji: [
    { hexcode: '1F602', contributors: 30, share: 0.75 },
    { hexcode: '2764', contributors: 3, share: 0.075 }, // below k: never shown
  ],
}

// Made by the current core for this run (tests/unit/global-setup.ts).
const { rich: demo } = inject('reports')

afterEach(() => {
  vi.unstubAllGlobals()
  state.report = null
  state.community = null
  state.source = 'none'
  state.demo = false
})

describe('compare page', () => {
  it("shows the community's emoji and hours only where k people stand behind them", async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(community), { status: 200 }))
    state.report = demo
    const w = mount(ComparePage)
    await w.find('[data-look-only]').trigger('click')
    await flushPromises()
    const emoji = w.find('[data-community-emoji]')
    expect(emoji.exists()).toBe(true)
    const theirs = emoji.find('[data-emoji-community]')
    expect(theirs.text()).toContain('😂')
    expect(theirs.text()).not.toContain('❤')
    expect(emoji.find('[data-emoji-yours]').text().length).toBeGreaterThan(0)
    const hours = w.find('[data-community-hours]')
    expect(hours.exists()).toBe(true)
    expect(hours.find('figcaption').text()).toMatch(/the community, around 11:00/)
    expect(hours.text()).toContain('at least 5 people')
  })

  it('shows a readable table, the JSON only when asked, and what the minutes mean even at 0', async () => {
    const summary = { ...demo.sections.community_summary.summary!, minutes_per_day: 0 as const }
    state.report = { ...demo, sections: { ...demo.sections, community_summary: { ...demo.sections.community_summary, summary } } }
    const w = mount(ComparePage)
    const rows = w.findAll('[data-summary-table] tr')
    expect(rows.map((r) => r.attributes('data-field'))).toEqual(['top_emoji', 'avg_text_length', 'messages_per_active_day', 'minutes_per_day', 'hour_profile'])
    expect(w.find('[data-field="top_emoji"]').text()).not.toMatch(/[0-9A-F]{4,5}(-|\b)/)
    expect(w.find('[data-field="minutes_per_day"]').text()).toContain('0 means less than 5 minutes a day')
    expect(w.find('[data-summary-json]').exists()).toBe(false)
    await w.find('[data-toggle-json]').trigger('click')
    expect(JSON.parse(w.find('[data-summary-json]').text())).toEqual(summary)
    expect(w.find('[data-consent]').attributes('disabled')).toBeUndefined()
  })

  it('never offers to send the example, and names the measures without enough people in one line', async () => {
    const calls: string[] = []
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      calls.push(`${init?.method ?? 'GET'} ${url}`)
      return new Response(JSON.stringify(community), { status: 200 })
    })
    state.report = demo
    state.source = 'embedded' // the built-in example
    state.demo = true
    const w = mount(ComparePage)
    expect(w.find('[data-consent]').attributes('disabled')).toBeDefined()
    expect(w.find('[data-example-no-send]').text()).toContain('fictional example')
    await w.find('[data-consent]').trigger('click')
    await w.find('[data-look-only]').trigger('click')
    await flushPromises()
    expect(calls.every((c) => c.startsWith('GET '))).toBe(true)
    expect(w.findAll('[data-lacking]')).toHaveLength(1)
    expect(w.find('[data-lacking]').text()).toBe('Not enough people yet to compare: Message length, Messages per day, and Minutes per day.')
    expect(w.find('[data-standing]').text()).not.toContain('Not enough people in your range')
  })
})

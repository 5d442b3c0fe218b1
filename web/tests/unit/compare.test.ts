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
})

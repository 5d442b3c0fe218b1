// Community percentiles: the person placed in the histogram the service publishes,
// in the browser, with the k-anonymity threshold applied again here.
import { describe, expect, it } from 'vitest'
import type { Community, Distribution } from '../../src/community/client'
import { placeIn, placements, roundToFive } from '../../src/community/percentile'

// 100 people: 20 at 10, 30 at 20, 40 at 30, 10 at 50 characters.
const lengths: Distribution = {
  published: 100,
  buckets: [
    { value: 10, contributors: 20, below: 0, at: 0.2 },
    { value: 20, contributors: 30, below: 0.2, at: 0.3 },
    { value: 30, contributors: 40, below: 0.5, at: 0.4 },
    { value: 50, contributors: 10, below: 0.9, at: 0.1 },
  ],
}

describe('placeIn', () => {
  it('counts everyone below and half of the same bucket', () => {
    expect(placeIn(lengths, 30, 5)?.share).toBeCloseTo(0.7) // 20 + 30 + 40/2
    expect(placeIn(lengths, 10, 5)?.share).toBeCloseTo(0.1)
    expect(placeIn(lengths, 50, 5)?.share).toBeCloseTo(0.95)
    expect(placeIn(lengths, 30, 5)?.people).toBe(100)
  })

  it('places a value between published buckets above all lower ones', () => {
    expect(placeIn(lengths, 40, 5)?.share).toBeCloseTo(0.9)
    expect(placeIn(lengths, 5, 5)?.share).toBe(0)
    expect(placeIn(lengths, 500, 5)?.share).toBe(1)
  })

  it('ignores buckets below k and says nothing when fewer than k people remain', () => {
    // With k = 25 only the 30- and 40-people buckets count: 70 people.
    expect(placeIn(lengths, 30, 25)?.share).toBeCloseTo((30 + 20) / 70)
    expect(placeIn(lengths, 30, 25)?.people).toBe(70)
    const tiny: Distribution = { published: 3, buckets: [{ value: 10, contributors: 3, below: 0, at: 1 }] }
    expect(placeIn(tiny, 10, 5)).toBeNull()
    expect(placeIn(undefined, 10, 5)).toBeNull()
    expect(placeIn(lengths, undefined, 5)).toBeNull()
    expect(placeIn({ published: 0, buckets: [] }, 10, 1)).toBeNull()
  })
})

describe('placements', () => {
  const community: Community = {
    contributors: 100,
    k_threshold: 5,
    distributions: { avg_text_length: lengths, messages_per_active_day: { published: 0, buckets: [] } },
    hour_profile: [],
    top_emoji: [],
  }
  const summary = { avg_text_length: 30, messages_per_active_day: 25, minutes_per_day: 30 }

  it('places the person on every measure with a published histogram, rounded for the sentence', () => {
    const p = placements(community, summary)
    expect(p.map((x) => x.measure)).toEqual(['avg_text_length'])
    expect(p[0]).toMatchObject({ card: 'overview', key: 'percentile.avg_text_length', value: 30, about: 0.7, people: 100 })
  })

  it('places nothing without the community or the summary', () => {
    expect(placements(null, summary)).toEqual([])
    expect(placements(community, undefined)).toEqual([])
  })

  it('rounds to the nearest five percent', () => {
    expect(roundToFive(0.68)).toBeCloseTo(0.7)
    expect(roundToFive(0.724)).toBeCloseTo(0.7)
    expect(roundToFive(0.726)).toBeCloseTo(0.75)
  })
})

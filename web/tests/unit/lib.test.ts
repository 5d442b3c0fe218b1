import { describe, expect, it } from 'vitest'
import { emojiShare, hexToEmoji, standing, type Community } from '../../src/community/client'
import { EtaEstimator } from '../../src/lib/eta'
import { clock, duration } from '../../src/lib/format'
import { highlights } from '../../src/lib/highlights'
import { anonymize, initials } from '../../src/lib/initials'
import { renderStatement } from '../../src/lib/privacy'
import { noteText } from '../../src/lib/sections'
import { emojiCounts, groups, terms, timeSeries } from '../../src/lib/shapes'
import demo from '../../src/demo/demo-report.json'

describe('initials', () => {
  it('keeps only first letters', () => {
    expect(initials('Ana María López')).toBe('A. M. L.')
    expect(initials('lucía')).toBe('L.')
    expect(initials('+34 600 123 456')).toBe('#')
    expect(initials('🦊')).toBe('🦊')
    expect(anonymize('Ana María and Bo', ['Ana María', 'Bo'])).toBe('A. M. and B.')
  })
})

describe('formatting', () => {
  it('durations and clock times in each language', () => {
    expect(duration(42, 'en')).toMatch(/42\s?s/)
    expect(duration(150, 'en')).toMatch(/3 min/)
    expect(duration(3 * 3600 + 20 * 60, 'es')).toMatch(/3 h 20 min/)
    expect(clock('22:39', 'es')).toBe('22:39')
    expect(clock('22:39', 'en')).toMatch(/10:39\s?PM/)
  })
})

describe('remaining time', () => {
  it('is unknown at first, then follows the rate', () => {
    const eta = new EtaEstimator(100)
    expect(eta.update(0, 100, 0)).toBeNull()
    expect(eta.update(10, 100, 50)).toBeNull()
    expect(eta.update(50, 100, 1000)).toBeCloseTo(1, 5)
    expect(eta.update(100, 100, 2000)).toBe(0)
  })
})

describe('section shapes', () => {
  it('finds the mood timeline with its band', () => {
    const pts = timeSeries({
      overall: { mean: 0.5 },
      months: [{ period: '2024-01', mean: 0.2, ci_low: 0.1, ci_high: 0.3, scored: 9 }],
      weeks: [
        { period: '2024-01-01', mean: 0.1 },
        { period: '2024-01-08', mean: 0.3 },
      ],
    })
    expect(pts).toEqual([{ period: '2024-01', score: 0.2, low: 0.1, high: 0.3, count: 9 }])
    expect(timeSeries({ timeline: [{ month: '2024-02', score: -0.2, confidence: [-0.4, 0] }] })[0]).toMatchObject({ low: -0.4, high: 0 })
    expect(timeSeries({ nothing: true })).toEqual([])
  })

  it('reads terms and groups in several spellings', () => {
    expect(terms(['a', { term: ' b ', count: 2 }, { word: 'B' }, { term: 'c' }]).map((t) => t.term)).toEqual(['a', 'b', 'c'])
    expect(
      groups(
        [
          { period: '2024-Q1', terms: [{ term: 'x' }] },
          { period: '2024-Q2', terms: [] },
        ],
        ['period'],
      ),
    ).toEqual([{ label: '2024-Q1', terms: [{ term: 'x', weight: undefined }] }])
    expect(groups({ 2023: ['a'], 2024: ['b'] }, ['year']).map((g) => g.label)).toEqual(['2023', '2024'])
  })

  it('finds the emoji counts', () => {
    const e = emojiCounts({
      emoji: [
        { emoji: '😂', hexcode: '1F602', count: 3, name_es: 'cara llorando de risa' },
        { hexcode: '2764-FE0F', count: 1 },
      ],
    })
    expect(e.map((x) => x.emoji)).toEqual(['😂', '❤️'])
    expect(e[0].names?.es).toBe('cara llorando de risa')
  })
})

describe('privacy statements', () => {
  it('render in both languages with formatted parameters and evidence', () => {
    const s = {
      key: 'privacy.sleep_schedule',
      section: 'sleep',
      params: { bedtime: '23:40', wake_up: '07:10', verdict: 'night_owl' },
      evidence: { nights: 120 },
    }
    const en = renderStatement(s, 'en')
    const es = renderStatement(s, 'es')
    expect(en.text).toContain('11:40')
    expect(en.text).toContain('Night owl')
    expect(es.text).toContain('23:40')
    expect(es.text).toContain('Búho nocturno')
    expect(es.evidence).toContain('120')
    const names = renderStatement({ key: 'privacy.reply_priorities', params: { names: ['Ana', 'Bea'] }, evidence: { median_seconds: 90 } }, 'es')
    expect(names.text).toContain('Ana y Bea')
    expect(names.evidence).toMatch(/2 min/)
    const langs = renderStatement({ key: 'privacy.languages', params: { languages: ['es', 'en'] } }, 'en')
    expect(langs.text).toContain('Spanish and English')
  })

  it('translates the core notes it knows', () => {
    expect(noteText('fewer than 50 messages of yours: hours would be noise', 'es')).toBe('Menos de 50 mensajes tuyos: las horas serían ruido.')
    expect(noteText('something new', 'es')).toBe('something new')
  })
})

describe('highlights', () => {
  it('come from the report, with initials on request', () => {
    const h = highlights(demo, 'en')
    expect(h.length).toBeGreaterThan(4)
    expect(h[0].id).toBe('messages')
    const named = highlights(demo, 'en').find((x) => x.id === 'closest')!
    const anon = highlights(demo, 'en', { initials: true }).find((x) => x.id === 'closest')!
    expect(anon.big).toBe(initials(named.big))
    expect(highlights({}, 'en')).toEqual([])
  })
})

describe('community comparison', () => {
  const community: Community = {
    contributors: 100,
    distributions: {
      avg_text_length: {
        published: 100,
        buckets: [
          { value: 20, contributors: 30, below: 0, at: 0.3 },
          { value: 35, contributors: 50, below: 0.3, at: 0.5 },
          { value: 60, contributors: 20, below: 0.8, at: 0.2 },
        ],
      },
    },
    hour_profile: [],
    top_emoji: [{ hexcode: '1F602', contributors: 45, share: 0.45 }],
  }
  it('places a value among the published buckets', () => {
    expect(standing(community.distributions.avg_text_length, 35)).toBeCloseTo(0.55)
    expect(standing(community.distributions.avg_text_length, 45)).toBeCloseTo(0.8)
    expect(standing(undefined, 1)).toBeNull()
    expect(emojiShare(community, '1F602')).toBe(0.45)
    expect(hexToEmoji('2764-FE0F')).toBe('❤️')
  })
})

import { describe, expect, inject, it } from 'vitest'
import { emojiShare, hexToEmoji, type Community } from '../../src/community/client'
import { placeIn } from '../../src/community/percentile'
import { EtaEstimator } from '../../src/lib/eta'
import { clock, date, duration, month, weekdayNames } from '../../src/lib/format'
import { dateTimeFormat, formattersMade, numberFormat, pluralRules } from '../../src/lib/intl-cache'
import { warmFormats } from '../../src/lib/warm-formats'
import { formatList, formatNumber, formatPercent, translatePlural } from '../../src/i18n'
import { anonymize, initials } from '../../src/lib/initials'
import { renderStatement } from '../../src/lib/privacy'
import { highlights } from '../../src/report/manifest'

// Made by the current core for this run (tests/unit/global-setup.ts).
const { rich: demo } = inject('reports')

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

describe('Intl formatters, made once', () => {
  it('are reused for the same language and options, and format as new ones do', () => {
    expect(numberFormat('es', { style: 'percent' })).toBe(numberFormat('es', { style: 'percent' }))
    expect(numberFormat('es', { style: 'percent' })).not.toBe(numberFormat('en', { style: 'percent' }))
    expect(numberFormat('en', { maximumFractionDigits: 1 })).not.toBe(numberFormat('en', { maximumFractionDigits: 0 }))
    expect(numberFormat('en', { maximumFractionDigits: 1 }).format(1.25)).toBe(new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(1.25))
    expect(numberFormat('es', { style: 'percent' }).format(0.41)).toBe(new Intl.NumberFormat('es', { style: 'percent' }).format(0.41))
    const d = new Date(Date.UTC(2025, 4, 31))
    expect(dateTimeFormat('es', { dateStyle: 'medium', timeZone: 'UTC' }).format(d)).toBe(
      new Intl.DateTimeFormat('es', { dateStyle: 'medium', timeZone: 'UTC' }).format(d),
    )
    expect(pluralRules('en')).toBe(pluralRules('en'))
    expect(pluralRules('en').select(1)).toBe('one')
  })

  it('warmed up ahead (while the worker analyses), the first screen makes none', () => {
    warmFormats('es')
    const made = formattersMade()
    date('2024-07-14', 'es')
    month('2024-07', 'es')
    weekdayNames('es')
    formatNumber(16567, 'es')
    formatNumber(2.25, 'es')
    formatPercent(0.41, 'es')
    formatList(['Ana', 'Bea', 'Carlos'], 'es')
    translatePlural('es', 'unit.messages', 7)
    clock('22:39', 'es')
    duration(75, 'es')
    expect(formattersMade()).toBe(made)
  })
})

describe('formatNumber', () => {
  it('keeps two digits below 1 and never shows a minus zero', () => {
    expect(formatNumber(-0.03, 'es')).toBe('-0,03')
    expect(formatNumber(0.6, 'en')).toBe('0.6')
    expect(formatNumber(-0.001, 'en')).toBe('0')
    expect(formatNumber(-0.04, 'es', 1)).toBe('0')
    expect(formatNumber(7.5, 'es')).toBe('7,5')
    expect(formatNumber(12.4, 'en')).toBe('12')
    expect(formatNumber(-1.25, 'en')).toBe('-1.3')
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

describe('privacy statements', () => {
  it('render in both languages with formatted parameters and evidence', () => {
    const s = {
      key: 'privacy.sleep_schedule',
      section: 'sleep',
      params: { bedtime: '23:40', wake_up: '07:10', verdict: 'night_owl' },
      evidence: { messages: 120 },
    }
    const en = renderStatement(s, 'en')
    const es = renderStatement(s, 'es')
    expect(en.text).toContain('11:40')
    expect(en.text).toContain('(a night owl)')
    expect(es.text).toContain('23:40')
    expect(es.text).toContain('(eres más de noche)')
    expect(es.evidence).toContain('120')
    const names = renderStatement(
      { key: 'privacy.reply_priorities', section: 'reply_speed', params: { names: ['Ana', 'Bea'] }, evidence: { median_seconds: 90 } },
      'es',
    )
    expect(names.text).toContain('Ana y Bea')
    expect(names.evidence).toMatch(/2 min/)
    const langs = renderStatement({ key: 'privacy.languages', section: 'topics', params: { languages: ['es', 'en'] }, evidence: {} }, 'en')
    expect(langs.text).toContain('Spanish and English')
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
    // Every finding belongs to a card of the manifest, and a share format is offered for it.
    for (const x of h) expect(x.card).toMatch(/^[a-z_]+$/)
  })

  it('never end a sentence with a double dot when names become initials', () => {
    for (const l of ['en', 'es'] as const) {
      const anon = highlights(demo, l, { initials: true })
      // The demo's findings name people in the middle and at the end of sentences.
      expect(anon.some((x) => /[A-Z]\.$/.test(x.text) || /[A-Z]\. \p{Lu}/u.test(x.text))).toBe(true)
      for (const x of anon) expect(x.text, `${l} ${x.id}`).not.toMatch(/\.\./)
    }
  })

  it('say "1 photo" and "the only conversation", not "1 photos"', () => {
    const one = structuredClone(demo) as typeof demo
    one.sections.media!.sent.photos = 1
    for (const k of one.sections.media!.kinds) if (k !== 'photos' && k !== 'other') one.sections.media!.sent[k] = 0
    one.sections.conversations!.data.conversations = 1
    const en = highlights(one, 'en')
    expect(en.find((x) => x.id === 'media')?.text).toBe('photo you sent.')
    expect(en.find((x) => x.id === 'conversations')?.text).toBe('of your only conversation was started by you.')
    const es = highlights(one, 'es')
    expect(es.find((x) => x.id === 'media')?.text).toBe('foto que enviaste.')
    expect(es.find((x) => x.id === 'conversations')?.text).toBe('de tu única conversación la empezaste tú.')
    const many = highlights(demo, 'en').find((x) => x.id === 'conversations')!
    expect(many.text).toBe(`of your ${demo.sections.conversations!.data.conversations} conversations were started by you.`)
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
    expect(placeIn(community.distributions.avg_text_length, 35, 1)?.share).toBeCloseTo(0.55)
    expect(placeIn(community.distributions.avg_text_length, 45, 1)?.share).toBeCloseTo(0.8)
    expect(placeIn(undefined, 1, 1)).toBeNull()
    expect(emojiShare(community, '1F602')).toBe(0.45)
    expect(hexToEmoji('2764-FE0F')).toBe('❤️')
  })
})

describe('drawnAtOnce', () => {
  it('turns progressive painting off for every series, unless a card asks for it', async () => {
    const { drawnAtOnce } = await import('../../src/lib/echarts')
    const out = drawnAtOnce({
      series: [
        { type: 'bar', data: [1, 2] },
        { type: 'line', progressive: 500 },
      ],
    })
    expect(out.series).toEqual([
      { progressive: 0, type: 'bar', data: [1, 2] },
      { progressive: 500, type: 'line' },
    ])
    expect(drawnAtOnce({ series: { type: 'heatmap' } }).series).toEqual([{ progressive: 0, type: 'heatmap' }])
    expect(drawnAtOnce({ title: { text: 'x' } })).toEqual({ title: { text: 'x' } })
  })
})

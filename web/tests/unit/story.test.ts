// The story's slides: the fixed narrative order, 10–14 slides on a rich report,
// the community slide (placement, or an offer to look), the summary last, the
// year-vs-year slide only when that section is there with enough data.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import type { Community } from '../../src/community/client'
import type { Report } from '../../src/report'
import { CHAPTERS, MAX_SLIDES, storySlides, summaryItems } from '../../src/lib/story'

const { rich, empty, yearly } = inject('reports')

describe('story slides', () => {
  it('walks the chapters in order, 10 to 14 slides, summary last, in both languages', () => {
    for (const l of ['en', 'es'] as const) {
      const slides = storySlides(rich, l, null)
      expect(slides.length, l).toBeGreaterThanOrEqual(10)
      expect(slides.length, l).toBeLessThanOrEqual(MAX_SLIDES)
      const order = slides.filter((s) => s.kind !== 'summary').map((s) => CHAPTERS.indexOf(s.chapter))
      expect(order).toEqual([...order].sort((a, b) => a - b))
      expect(slides.at(-1)?.kind).toBe('summary')
      // The mood and topics findings are part of the story.
      expect(slides.map((s) => s.card)).toEqual(expect.arrayContaining(['mood', 'topics']))
      for (const s of slides) {
        expect(s.text, s.id).not.toMatch(/^[a-z_]+\.[a-z_.]+$/) // never a raw key
        expect(s.big.length, s.id).toBeGreaterThan(0)
      }
      expect(new Set(slides.map((s) => s.id)).size).toBe(slides.length)
    }
  })

  it('offers to look at the community without its numbers, and places the person with them', () => {
    const invite = storySlides(rich, 'en', null).find((s) => s.chapter === 'community')
    expect(invite?.kind).toBe('invite')
    const value = rich.sections.community_summary.summary!.avg_text_length
    const community: Community = {
      k_threshold: 5,
      distributions: {
        avg_text_length: {
          published: 50,
          buckets: [
            { value: value - 5, contributors: 20, below: 0, at: 0.4 },
            { value, contributors: 20, below: 0.4, at: 0.4 },
            { value: value + 5, contributors: 10, below: 0.8, at: 0.2 },
          ],
        },
      },
      hour_profile: [],
      top_emoji: [],
    }
    const vs = storySlides(rich, 'en', community).find((s) => s.chapter === 'community')
    expect(vs?.kind).toBe('community')
    expect(vs?.text).toBe('You write longer messages than about 60% of people.') // (20 + 20/2) / 50
  })

  it('shows this year vs last year when the report has it with enough data', () => {
    // The shape of core/insights/year_vs_year.cpp: {this_period, messages: {change_percent, message}, ...}.
    const yvy = {
      enough_data: true,
      this_period: { kind: 'year', from: '2025-01-01', to: '2025-12-31' },
      messages: { this: 120, previous: 100, change_percent: 20, message: { key: 'story.chapter.people', params: {} } },
    }
    const withYear = { ...rich, sections: { ...rich.sections, year_vs_year: yvy } } as unknown as Report
    const slide = storySlides(withYear, 'en', null)[0]
    expect(slide).toMatchObject({ id: 'year_vs_year', chapter: 'numbers', big: '+20%', text: 'Your people', title: '2025 against the year before' })
    const without = { ...withYear, sections: { ...withYear.sections, year_vs_year: { ...yvy, enough_data: false } } } as unknown as Report
    expect(storySlides(without, 'en', null).some((s) => s.id === 'year_vs_year')).toBe(false)
    // A sentence the catalogue does not have yet is not shown as a raw key.
    const unknown = { ...yvy, messages: { ...yvy.messages, message: { key: 'year_vs_year.not_in_catalogue', params: {} } } }
    const raw = { ...withYear, sections: { ...withYear.sections, year_vs_year: unknown } } as unknown as Report
    expect(storySlides(raw, 'en', null).some((s) => s.id === 'year_vs_year')).toBe(false)
  })

  it("tells the planted owner's 2024 from the real core, this year against the last included", () => {
    // bench/planted_truth.cpp, --year 2024: year_vs_year computed by the core with enough data.
    expect(yearly.period?.kind).toBe('year')
    expect(yearly.sections.year_vs_year.enough_data).toBe(true)
    const lines: string[] = []
    for (const l of ['en', 'es'] as const) {
      const slides = storySlides(yearly, l, null)
      expect(slides.length, l).toBeGreaterThanOrEqual(10)
      expect(slides.length, l).toBeLessThanOrEqual(MAX_SLIDES)
      expect(slides[0]).toMatchObject({ id: 'year_vs_year', chapter: 'numbers' })
      expect(slides[0].title, l).toContain('2024')
      const order = slides.filter((s) => s.kind !== 'summary').map((s) => CHAPTERS.indexOf(s.chapter))
      expect(order).toEqual([...order].sort((a, b) => a - b))
      for (const s of slides) expect(s.text, s.id).not.toMatch(/^[a-z_]+\.[a-z_.]+$/)
      lines.push(`# ${l}`, ...slides.map((s, i) => `${i + 1}. [${s.chapter}] ${s.title ?? s.card}: ${s.big} — ${s.text}`))
    }
    // For people to read (and the closing note): what each slide says for the planted owner.
    const out = join(__dirname, '../../../build/web-artifacts')
    mkdirSync(out, { recursive: true })
    writeFileSync(join(out, 'story-planted-2024.txt'), lines.join('\n') + '\n')
  })

  it('has no story without findings, and a summary of at most six findings', () => {
    expect(storySlides(empty, 'en', null)).toEqual([])
    const items = summaryItems(storySlides(rich, 'en', null))
    expect(items.length).toBeGreaterThan(3)
    expect(items.length).toBeLessThanOrEqual(6)
    expect(items.every((s) => s.kind === 'finding' || s.kind === 'community')).toBe(true)
  })
})

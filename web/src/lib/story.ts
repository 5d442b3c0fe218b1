// The story: one finding per screen, in a fixed narrative (your year in numbers →
// your people → your rhythm → your mood → your words → what it all reveals → you
// vs the community), then a closing summary. Built from the manifest's findings
// (src/report/manifest.ts), so every card's finding can appear here.
import type { Community } from '../community/client'
import { placements } from '../community/percentile'
import { formatPercent, translate, type Lang } from '../i18n'
import type { ReportLike } from '../report'
import { highlights, type CardName } from '../report/manifest'
import type { Highlight, HighlightOptions } from './highlights'

export const CHAPTERS = ['numbers', 'people', 'rhythm', 'mood', 'words', 'reveals', 'community'] as const
export type Chapter = (typeof CHAPTERS)[number]

// Which chapter each card's findings belong to.
export const CHAPTER_OF_CARD: Record<CardName, Chapter> = {
  overview: 'numbers',
  year_vs_year: 'numbers',
  comings_goings: 'people',
  reply_speed: 'people',
  conversations: 'people',
  shared_groups: 'people',
  activity: 'rhythm',
  sleep_work: 'rhythm',
  mood: 'mood',
  topics: 'words',
  emoji_wall: 'words',
  media: 'words',
  privacy: 'reveals',
}

export const MAX_FINDINGS = 12 // slides of findings; with the community and the summary, at most 14
export const MAX_SLIDES = MAX_FINDINGS + 2

export interface Slide extends Highlight {
  chapter: Chapter
  kind: 'finding' | 'community' | 'invite' | 'summary'
}

// At most `max` findings, every chapter keeping its first one before any chapter gets a second.
function cap(slides: Slide[], max: number): Slide[] {
  if (slides.length <= max) return slides
  const keep = new Set<Slide>()
  for (let round = 0; keep.size < max; round++) {
    const before = keep.size
    for (const c of CHAPTERS) {
      const nth = slides.filter((s) => s.chapter === c)[round]
      if (nth && keep.size < max) keep.add(nth)
    }
    if (keep.size === before) break
  }
  return slides.filter((s) => keep.has(s))
}

export function storySlides(report: ReportLike, l: Lang, community: Community | null, opts: HighlightOptions = {}): Slide[] {
  const found: Slide[] = highlights(report, l, opts).map((h) => ({ ...h, chapter: CHAPTER_OF_CARD[h.card as CardName], kind: 'finding' as const }))
  // This year against the last opens the year in numbers.
  const order = (s: Slide) => CHAPTERS.indexOf(s.chapter) * 2 + (s.card === 'year_vs_year' ? 0 : 1)
  const findings = cap(
    found
      .map((s, i) => ({ s, i }))
      .sort((a, b) => order(a.s) - order(b.s) || a.i - b.i)
      .map((x) => x.s),
    MAX_FINDINGS,
  )
  if (!findings.length) return []
  const title = translate(l, 'story.chapter.community')
  // You vs the community: where the community's numbers were looked at, the person's
  // place in them (computed here); otherwise an offer to look, which sends nothing.
  const placed = placements(community, report.sections?.community_summary?.summary as Record<string, unknown> | undefined)
  const vs: Slide[] = placed.length
    ? placed.slice(0, 1).map((p) => ({
        id: `community-${p.measure}`,
        card: 'community',
        chapter: 'community',
        kind: 'community',
        title,
        big: formatPercent(p.about, l),
        text: translate(l, p.key, { share: formatPercent(p.about, l) }),
      }))
    : report.sections?.community_summary?.summary
      ? [{ id: 'community-invite', card: 'community', chapter: 'community', kind: 'invite', title, big: '?', text: translate(l, 'story.community_invite') }]
      : []
  const summary: Slide = {
    id: 'summary',
    card: 'summary',
    chapter: 'reveals',
    kind: 'summary',
    title: translate(l, 'story.summary_title'),
    big: translate(l, 'story.summary_big'),
    text: translate(l, 'story.summary_text'),
  }
  return [...findings, ...vs, summary]
}

// The findings the closing summary card lists: the first of each chapter, then the community's.
export function summaryItems(slides: Slide[]): Slide[] {
  const firsts = CHAPTERS.map((c) => slides.find((s) => s.chapter === c && (s.kind === 'finding' || s.kind === 'community'))).filter((s): s is Slide => !!s)
  return firsts.slice(0, 6)
}

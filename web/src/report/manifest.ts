// The one list of what the web app shows of the report. Every other list (the
// cards of the report view and of the presentation page, story slides, share
// cards, the links of the report header, the end-to-end test's cards) is derived
// from it, and tests/unit/manifest.test.ts compares it with the sections the core
// registers (core/insights/registry.cpp): a section without a view, or a view of
// a section the core does not compute, fails the suite. Each card's Vue component
// is in src/cards/index.ts, typed Record<CardName, Component> so that a card
// without a component (or the reverse) does not compile; it lives there because
// the components read this manifest.
import type { Lang } from '../i18n'
import {
  activityHighlights,
  comingsGoingsHighlights,
  conversationsHighlights,
  emojiHighlights,
  highlightContext,
  mediaHighlights,
  moodHighlights,
  overviewHighlights,
  privacyHighlights,
  replySpeedHighlights,
  sharedGroupsHighlights,
  sleepWorkHighlights,
  topicsHighlights,
  yearVsYearHighlights,
  type Highlight,
  type HighlightFinder,
  type HighlightOptions,
} from '../lib/highlights'
import type { CardFormat } from '../share/cards'
import type { ReportLike, SectionName } from '.'

export interface CardSpec {
  name: string // URL (#/report/NAME), element ids, i18n cards.NAME.title / .lead
  sections: readonly SectionName[] // the core sections it shows
  highlights: HighlightFinder | null // its findings for story mode and share cards
  share: readonly CardFormat[] // share-card formats offered for its findings
}

const BOTH: readonly CardFormat[] = ['square', 'story']

// In reading order.
export const CARDS = [
  { name: 'overview', sections: ['overview'], highlights: overviewHighlights, share: BOTH },
  { name: 'activity', sections: ['activity'], highlights: activityHighlights, share: BOTH },
  { name: 'reply_speed', sections: ['reply_speed'], highlights: replySpeedHighlights, share: BOTH },
  { name: 'conversations', sections: ['conversations'], highlights: conversationsHighlights, share: BOTH },
  { name: 'mood', sections: ['mood'], highlights: moodHighlights, share: BOTH },
  { name: 'comings_goings', sections: ['comings_goings'], highlights: comingsGoingsHighlights, share: BOTH },
  { name: 'topics', sections: ['topics'], highlights: topicsHighlights, share: BOTH },
  { name: 'sleep_work', sections: ['sleep', 'work'], highlights: sleepWorkHighlights, share: BOTH },
  { name: 'shared_groups', sections: ['shared_groups'], highlights: sharedGroupsHighlights, share: BOTH },
  { name: 'emoji_wall', sections: ['emoji_wall'], highlights: emojiHighlights, share: BOTH },
  { name: 'media', sections: ['media'], highlights: mediaHighlights, share: BOTH },
  { name: 'year_vs_year', sections: ['year_vs_year'], highlights: yearVsYearHighlights, share: BOTH },
  { name: 'privacy', sections: ['privacy'], highlights: privacyHighlights, share: BOTH },
] as const satisfies readonly CardSpec[]

export type CardName = (typeof CARDS)[number]['name']
export const CARD_NAMES: readonly CardName[] = CARDS.map((c) => c.name)
export const CARD_BY_NAME: Record<string, CardSpec> = Object.fromEntries(CARDS.map((c) => [c.name, c]))

// Sections shown elsewhere than in a card, and where.
export const OTHER_VIEWS: Partial<Record<SectionName, string>> = {
  community_summary: 'compare page (src/pages/ComparePage.vue)',
}

// Every core section the web app shows, by a card or another view.
export const SHOWN_SECTIONS: readonly SectionName[] = [...new Set([...CARDS.flatMap((c) => c.sections), ...(Object.keys(OTHER_VIEWS) as SectionName[])])]

// Story slides and share cards: every card's findings, in reading order.
export function highlights(report: ReportLike, l: Lang, opts: HighlightOptions = {}): Highlight[] {
  const ctx = highlightContext(l, opts)
  return CARDS.flatMap((c: CardSpec) => (c.highlights ? c.highlights(report, ctx).map((h) => ({ ...h, card: c.name })) : []))
}

export function shareFormats(card: string): readonly CardFormat[] {
  return CARD_BY_NAME[card]?.share ?? []
}

// The card that shows a section (privacy statements link to it).
export function cardOf(name: string): CardName | undefined {
  return CARDS.find((c) => (c.sections as readonly string[]).includes(name))?.name
}

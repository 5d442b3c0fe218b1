// The most striking findings of a report, one idea each: what story mode walks
// through and what shareable cards show. Each card of the manifest
// (src/report/manifest.ts) names its own finder; names can become initials.
import { formatList, formatNumber, formatPercent, has, translate, translateMessage, translatePlural, type Lang } from '../i18n'
import { enough, section, type ReportLike } from '../report'
import { clock, duration, hour } from './format'
import { initials } from './initials'

export interface Highlight {
  id: string
  card: string // the card it comes from (manifest name)
  big: string // the big number or word
  text: string // one short sentence
  title?: string // the card's heading when it is not the card's title (story slides beyond the cards)
}

export interface HighlightOptions {
  initials?: boolean
}

export interface HighlightContext {
  l: Lang
  t: (key: string, params?: Record<string, unknown>) => string
  name: (n: string) => string
}

export type HighlightFinder = (report: ReportLike, c: HighlightContext) => Omit<Highlight, 'card'>[]

export const overviewHighlights: HighlightFinder = (report, { l, t }) => {
  const ov = section(report, 'overview')
  const mine = ov?.owner.messages ?? 0
  if (!ov || mine === 0) return []
  const out = [{ id: 'messages', big: formatNumber(mine, l), text: translatePlural(l, 'hl.messages', ov.data.chats) }]
  const streak = ov.owner.longest_streak?.days ?? 0
  if (streak > 1) out.push({ id: 'streak', big: translatePlural(l, 'unit.days', streak), text: t('hl.streak') })
  return out
}

export const activityHighlights: HighlightFinder = (report, { l, t }) => {
  const act = section(report, 'activity')
  const peak = act?.peak_hours.owner_messages[0]
  return enough(act) && typeof peak === 'number' ? [{ id: 'peak_hour', big: hour(peak, l), text: t('hl.peak_hour') }] : []
}

export const replySpeedHighlights: HighlightFinder = (report, { l, t, name }) => {
  const rs = section(report, 'reply_speed')
  const fastest = rs?.private.you_reply.fastest[0]
  return enough(rs) && fastest ? [{ id: 'fastest', big: duration(fastest.median_seconds, l), text: t('hl.fastest', { name: name(fastest.name) }) }] : []
}

// Who starts the conversations: the conversations card's slide.
export const conversationsHighlights: HighlightFinder = (report, { l, t }) => {
  const conv = section(report, 'conversations')
  const share = conv?.started_by_you_share
  return enough(conv) && typeof share === 'number'
    ? [{ id: 'conversations', big: formatPercent(share, l), text: translatePlural(l, 'hl.conversations', conv?.data.conversations ?? 0) }]
    : []
}

export const sleepWorkHighlights: HighlightFinder = (report, { l, t }) => {
  const out: Omit<Highlight, 'card'>[] = []
  const sleep = section(report, 'sleep')
  // The quiet window of weekdays when there is one, else of all days (as the verdict).
  const quiet = sleep?.quiet_window.weekdays.found ? sleep.quiet_window.weekdays : sleep?.quiet_window.all
  if (enough(sleep) && quiet?.found)
    out.push({
      id: 'bedtime',
      big: `${clock(quiet.from, l)}–${clock(quiet.to, l)}`,
      text: t('hl.bedtime', { verdict: t(`sleep.verdict.${sleep?.verdict ?? 'in_between'}`) }),
    })
  const work = section(report, 'work')
  if (enough(work) && work?.shows_working_hours && work.window)
    out.push({ id: 'work', big: `${clock(work.window.from, l)}–${clock(work.window.to, l)}`, text: t('hl.work') })
  return out
}

export const comingsGoingsHighlights: HighlightFinder = (report, { l, t, name }) => {
  const out: Omit<Highlight, 'card'>[] = []
  const cg = section(report, 'comings_goings')
  const closest = cg?.people?.[0]
  if (closest) out.push({ id: 'closest', big: name(closest.name), text: t('hl.closest', { n: translatePlural(l, 'unit.messages', closest.total) }) })
  const faded = cg?.faded ?? []
  if (enough(cg) && faded.length)
    out.push({
      id: 'faded',
      big: formatNumber(faded.length, l),
      text: translatePlural(l, 'hl.faded', faded.length, {
        names: formatList(
          faded.slice(0, 2).map((f) => name(f.name)),
          l,
        ),
      }),
    })
  return out
}

export const emojiHighlights: HighlightFinder = (report, { l }) => {
  const top = section(report, 'emoji_wall')?.emoji[0]
  return top ? [{ id: 'emoji', big: top.emoji, text: translatePlural(l, 'hl.emoji', top.count) }] : []
}

export const sharedGroupsHighlights: HighlightFinder = (report, { l, t, name }) => {
  const sg = section(report, 'shared_groups')
  if (!enough(sg) || !sg) return []
  const friend = sg.top[0]
  if (friend && friend.shared_groups > 1)
    return [{ id: 'groups', big: formatNumber(friend.shared_groups, l), text: t('hl.groups', { name: name(friend.name) }) }]
  // Nobody shares more than one group with you: the groups themselves are the finding.
  const groups = sg.data.groups_with_you
  return groups > 0 ? [{ id: 'groups', big: formatNumber(groups, l), text: translatePlural(l, 'hl.groups_people', groups, { people: sg.data.people }) }] : []
}

export const privacyHighlights: HighlightFinder = (report, { l }) => {
  const n = section(report, 'privacy')?.statements.length ?? 0
  return n ? [{ id: 'privacy', big: formatNumber(n, l), text: translatePlural(l, 'hl.privacy', n) }] : []
}

// This year against the one before (when the core computed it with enough data): the
// change in messages, with the section's own sentence; titled with the year on a story.
export const yearVsYearHighlights: HighlightFinder = (report, { l, t }) => {
  const y = section(report, 'year_vs_year')
  const count = y?.messages
  if (!y || !enough(y) || !count || !has(count.message.key, l)) return []
  const change = count.change_percent
  const year = y.this_period?.kind === 'year' ? y.this_period.from?.slice(0, 4) : undefined
  return [
    {
      id: 'year_vs_year',
      title: year ? t('story.year_vs_year_in', { year }) : t('story.year_vs_year'),
      big: typeof change === 'number' ? `${change > 0 ? '+' : change < 0 ? '−' : '±'}${formatPercent(Math.abs(change) / 100, l)}` : t('story.year_vs_year_big'),
      text: translateMessage(l, count.message),
    },
  ]
}

export function highlightContext(l: Lang, opts: HighlightOptions = {}): HighlightContext {
  return { l, t: (key, p = {}) => translate(l, key, p), name: (n) => (opts.initials ? initials(n) : n) }
}

export const mediaHighlights: HighlightFinder = (report, { l }) => {
  const m = section(report, 'media')
  if (!enough(m) || !m) return []
  const kinds = m.kinds.filter((k) => k !== 'other' && m.sent[k] > 0).sort((a, b) => m.sent[b] - m.sent[a])
  const top = kinds[0]
  return top ? [{ id: 'media', big: formatNumber(m.sent[top], l), text: translatePlural(l, `hl.media.${top}`, m.sent[top]) }] : []
}

// The mood of the owner's emoji over the whole period: the word, with the mean score.
export const moodHighlights: HighlightFinder = (report, { l, t }) => {
  const mood = section(report, 'mood')
  const mean = mood?.overall?.mean
  if (!enough(mood) || typeof mean !== 'number') return []
  const word = mean > 0.25 ? 'positive' : mean < -0.1 ? 'negative' : 'neutral'
  const score = `${mean > 0 ? '+' : ''}${formatNumber(mean, l, 2)}`
  return [{ id: 'mood', big: t(`mood.word.${word}`), text: t('hl.mood', { score }) }]
}

// The term that stands out most in what the owner writes about.
export const topicsHighlights: HighlightFinder = (report, { l }) => {
  const topics = section(report, 'topics')
  const top = topics?.interests?.[0]
  return enough(topics) && top ? [{ id: 'topic', big: top.term, text: translatePlural(l, 'hl.topic', top.count) }] : []
}

// The most striking findings of a report, one idea each: what story mode walks
// through and what shareable cards show. Names can be replaced by initials.
import { formatList, formatNumber, formatPercent, translate, translatePlural, type Lang } from '../i18n'
import { clock, duration, hour } from './format'
import { initials } from './initials'
import { arr, get, num, type Json } from './json'
import { type CardName, enough, section } from './sections'
import { emojiCounts } from './shapes'

export interface Highlight {
  id: string
  card: CardName
  big: string // the big number or word
  text: string // one short sentence
}

export interface HighlightOptions {
  initials?: boolean
}

export function highlights(report: Json, l: Lang, opts: HighlightOptions = {}): Highlight[] {
  const out: Highlight[] = []
  const name = (n: string) => (opts.initials ? initials(n) : n)
  const t = (key: string, p: Record<string, unknown> = {}) => translate(l, key, p)
  const ov = section(report, 'overview')
  const mine = num(get(ov, 'owner.messages'))
  if (mine > 0) {
    out.push({ id: 'messages', card: 'overview', big: formatNumber(mine, l), text: t('hl.messages', { chats: num(get(ov, 'data.chats')) }) })
    const streak = num(get(ov, 'owner.longest_streak.days'))
    if (streak > 1) out.push({ id: 'streak', card: 'overview', big: translatePlural(l, 'unit.days', streak), text: t('hl.streak') })
  }
  const act = section(report, 'activity')
  const peak = arr<number>(get(act, 'peak_hours.owner_messages'))[0]
  if (enough(act) && typeof peak === 'number') out.push({ id: 'peak_hour', card: 'activity', big: hour(peak, l), text: t('hl.peak_hour') })
  const rs = section(report, 'reply_speed')
  const fastest = arr(get(rs, 'private.you_reply.fastest'))[0]
  if (enough(rs) && fastest)
    out.push({ id: 'fastest', card: 'reply_speed', big: duration(fastest.median_seconds, l), text: t('hl.fastest', { name: name(fastest.name) }) })
  // Who starts the conversations: the conversations card's slide.
  const conv = section(report, 'conversations')
  if (enough(conv) && typeof get(conv, 'started_by_you_share') === 'number')
    out.push({
      id: 'conversations',
      card: 'conversations',
      big: formatPercent(num(get(conv, 'started_by_you_share')), l),
      text: t('hl.conversations', { n: num(get(conv, 'data.conversations')) }),
    })
  const sleep = section(report, 'sleep')
  const quiet = get(sleep, 'quiet_window.weekdays.found') === true ? get(sleep, 'quiet_window.weekdays') : get(sleep, 'quiet_window.all')
  if (enough(sleep) && get(quiet, 'found') === true)
    out.push({
      id: 'bedtime',
      card: 'sleep_work',
      big: `${clock(get(quiet, 'from'), l)}–${clock(get(quiet, 'to'), l)}`,
      text: t('hl.bedtime', { verdict: t(`sleep.verdict.${get(sleep, 'verdict', 'in_between')}`) }),
    })
  const work = section(report, 'work')
  if (enough(work) && get(work, 'shows_working_hours'))
    out.push({ id: 'work', card: 'sleep_work', big: `${clock(get(work, 'window.from'), l)}–${clock(get(work, 'window.to'), l)}`, text: t('hl.work') })
  const cg = section(report, 'comings_goings')
  const closest = arr(get(cg, 'people'))[0]
  if (closest) out.push({ id: 'closest', card: 'comings_goings', big: name(closest.name), text: t('hl.closest', { n: num(closest.total) }) })
  const faded = arr(get(cg, 'faded'))
  if (enough(cg) && faded.length)
    out.push({
      id: 'faded',
      card: 'comings_goings',
      big: formatNumber(faded.length, l),
      text: t('hl.faded', {
        names: formatList(
          faded.slice(0, 2).map((f: Json) => name(f.name)),
          l,
        ),
      }),
    })
  const emoji = emojiCounts(section(report, 'emoji_wall'))[0]
  if (emoji) out.push({ id: 'emoji', card: 'emoji_wall', big: emoji.emoji, text: translatePlural(l, 'hl.emoji', emoji.count) })
  const sg = section(report, 'shared_groups')
  const friend = arr(get(sg, 'top'))[0]
  if (enough(sg) && friend && num(friend.shared_groups) > 1)
    out.push({ id: 'groups', card: 'shared_groups', big: formatNumber(num(friend.shared_groups), l), text: t('hl.groups', { name: name(friend.name) }) })
  const privacy = arr(get(section(report, 'privacy'), 'statements'))
  if (privacy.length) out.push({ id: 'privacy', card: 'privacy', big: formatNumber(privacy.length, l), text: translatePlural(l, 'hl.privacy', privacy.length) })
  return out
}

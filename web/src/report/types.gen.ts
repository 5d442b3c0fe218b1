// GENERATED from docs/report.schema.json by web/scripts/gen-report-types.mjs
// (json-schema-to-typescript). Do not edit: change the schema and run
//   cd web && npm run gen:types
// scripts/test-web.sh fails when this file is out of date.

/**
 * local calendar date, YYYY-MM-DD
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "date".
 */
export type LocalDate = string
/**
 * the platforms a section draws on (whatsapp, telegram, ...), in platform order; a person linked across platforms (--same, the web app's confirmation) is counted once
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "platforms".
 */
export type Platforms = string[]
/**
 * local wall-clock time the phone showed, YYYY-MM-DDTHH:MM[:SS] (no time zone)
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "local_datetime".
 */
export type LocalDatetime = string
/**
 * messages by local weekday (rows, Monday first) and hour (columns)
 *
 * @minItems 7
 * @maxItems 7
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "grid7x24".
 */
export type Grid7X24 = number[][]
/**
 * one value per local hour of the day, 00h first
 *
 * @minItems 24
 * @maxItems 24
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "hours24".
 *
 * Items: messages in that hour
 */
export type Hours24 = number[]
/**
 * calendar month, YYYY-MM
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "month".
 */
export type Month = string
/**
 * local clock time, HH:MM (24 h)
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "clock".
 */
export type Clock = string

/**
 * The report the core writes (chatlens analyze -o, the web app's worker). One $defs entry per section; every count is a number of messages (or what its description says), every time is the local wall-clock time the phone showed. Words are never in the report: every sentence is a message {key, params} rendered from the catalogues.
 */
export interface ChatlensReport {
  /**
   * version of this schema; bumped when a field is renamed or changes meaning (docs/report-changes.md)
   */
  schema_version: 3
  generator: 'chatlens'
  /**
   * who the report is about
   */
  owner: {
    /**
     * display name of the owner; null when unknown
     */
    name: string | null
    /**
     * platforms where the owner was found
     *
     * Items: platform
     */
    platforms: string[]
    /**
     * how the owner was found, one per platform: owner.profile_information, owner.stated_in_export, owner.inferred_from_export, owner.common_participant, owner.same_name_elsewhere ({platform}), owner.named_by_caller
     */
    how: Message[]
  }
  period: Period
  /**
   * every calendar year with messages, in order, whatever the report's period: the years a reader may pick
   */
  years: YearCoverage[]
  /**
   * one entry per input, in the order given
   */
  sources: Source[]
  /**
   * one entry per registered insight, in registry order
   */
  sections: {
    overview: Overview
    activity: Activity
    reply_speed: ReplySpeed
    conversations: Conversations
    mood: Mood
    comings_goings: ComingsGoings
    topics: Topics
    sleep: Sleep
    work: Work
    shared_groups: SharedGroups
    emoji_wall: EmojiWall
    media: Media
    year_vs_year: YearVsYear
    privacy: Privacy
    community_summary: CommunitySummary
  }
}
/**
 * A sentence for a person: the report never carries words, only a catalogue key and its parameters
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "message".
 */
export interface Message {
  /**
   * i18n key `<section>.<name>` of the catalogues web/src/i18n/en.json and es.json; with a `count` parameter the catalogues may hold `key.one`/`key.other`
   */
  key: string
  /**
   * values for the {placeholders} of the sentence: numbers, strings, lists of them
   */
  params: {
    [k: string]: unknown
  }
}
/**
 * a period of local calendar days (the phone's clock), both ends included
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "period".
 */
export interface Period {
  /**
   * a calendar year, the twelve months ending on the caller's today, any range of days, or everything
   */
  kind: 'year' | 'last_12_months' | 'range' | 'all'
  /**
   * first day; for an open start (all, or a range without from) the first day of the data; null without data
   */
  from: LocalDate | null
  /**
   * last day; for an open end the last day of the data; null without data
   */
  to: LocalDate | null
}
/**
 * one calendar year of the data and whether it is enough for a report of its own
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "year_coverage".
 */
export interface YearCoverage {
  /**
   * calendar year
   */
  year: number
  /**
   * messages by people in the year
   */
  messages: number
  /**
   * messages by the owner in the year
   */
  owner_messages: number
  /**
   * days the owner wrote on
   */
  owner_active_days: number
  /**
   * at least 100 messages of the owner on at least 20 days
   */
  enough_data: boolean
}
/**
 * what was read from one input
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "source".
 */
export interface Source {
  /**
   * display name of the input: a file name, or zip:entry
   */
  file: string
  /**
   * size of the input in bytes
   */
  bytes: number
  /**
   * platform recognised (whatsapp, telegram, ...); null when nothing matched
   */
  platform: string | null
  /**
   * export variant (android, ios, single-chat, full-account, ...); null when not applicable
   */
  variant: string | null
  /**
   * order of day, month and year in the export's dates (DMY, MDY, YMD) where the format leaves it open; null otherwise
   */
  date_order: string | null
  /**
   * messages read
   */
  records: number
  /**
   * chats read
   */
  chats: number
  /**
   * lines (or records) that could not be read and were skipped
   */
  lines_skipped: number
  /**
   * the first few skipped lines
   *
   * Items: one skipped line
   */
  skipped_examples: {
    /**
     * 1-based line number
     */
    line: number
    /**
     * byte offset of the problem
     */
    offset: number
    reason: Message
    /**
     * the start of the skipped line, at most ~120 bytes
     */
    text: string
  }[]
  /**
   * non-fatal observations about the input
   */
  notes: Message[]
  /**
   * why the input could not be read at all; null when it was read
   */
  error: Message | null
}
/**
 * overview: how much there is, per chat and per person, and when
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "overview".
 */
export interface Overview {
  covers: Period
  platforms: Platforms
  /**
   * totals of the whole input
   */
  data: {
    /**
     * all records read, system lines included
     */
    messages: number
    /**
     * messages written by people (no system lines)
     */
    personal_messages: number
    /**
     * system lines (joins, title changes, ...)
     */
    system_messages: number
    /**
     * chats
     */
    chats: number
    /**
     * people
     */
    people: number
  }
  /**
   * first message written by a person; null when none
   */
  first_message: LocalDatetime | null
  /**
   * last message written by a person; null when none
   */
  last_message: LocalDatetime | null
  everyone: DayStats
  owner: DayStats
  /**
   * every chat, largest first
   *
   * Items: one chat
   */
  chats: {
    /**
     * chat title
     */
    title: string
    /**
     * platform of the chat (whatsapp, telegram, ...)
     */
    platform: string
    /**
     * private, group, channel, saved or unknown
     */
    kind: string
    /**
     * records in the chat, system lines included
     */
    messages: number
    /**
     * messages the owner wrote there
     */
    owner_messages: number
    /**
     * people who wrote there
     */
    participants: number
    first_message: LocalDatetime | null
    last_message: LocalDatetime | null
  }[]
  /**
   * everyone who wrote at least one message, most active first
   *
   * Items: one person
   */
  people: {
    /**
     * display name
     */
    name: string
    /**
     * platform
     */
    platform: string
    /**
     * every platform this person writes on: more than one when linked across platforms
     */
    platforms: string[]
    /**
     * whether this is the owner
     */
    is_owner: boolean
    /**
     * messages this person wrote
     */
    messages: number
    /**
     * chats this person is in
     */
    chats: number
  }[]
  /**
   * messages written by people and chats per platform, in platform order
   *
   * Items: one platform
   */
  by_platform: {
    /**
     * whatsapp, telegram, ...
     */
    platform: string
    /**
     * messages written by people there
     */
    messages: number
    /**
     * chats read from there
     */
    chats: number
  }[]
  /**
   * false when there is too little data for this section to say anything worth reading; then `note` says why
   */
  enough_data: boolean
  note?: Message
}
/**
 * counts of messages per local day
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "day_stats".
 */
export interface DayStats {
  /**
   * messages
   */
  messages: number
  first_day?: LocalDate
  last_day?: LocalDate
  /**
   * days with at least one message
   */
  active_days?: number
  /**
   * messages per day with messages
   */
  messages_per_active_day?: number
  /**
   * the day with the most messages
   */
  busiest_day?: {
    date: LocalDate
    /**
     * messages that day
     */
    messages: number
  }
  /**
   * longest run of consecutive days with messages
   */
  longest_streak?: {
    /**
     * consecutive days with messages
     */
    days: number
    from: LocalDate
    to: LocalDate
  }
}
/**
 * activity: when the owner writes and replies, by weekday and hour, compared with everyone else
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "activity".
 */
export interface Activity {
  covers: Period
  platforms: Platforms
  /**
   * basis: the owner's messages
   */
  data: {
    /**
     * messages the section was computed from (see its description)
     */
    messages: number
    /**
     * local date of the first of them; null when there are none
     */
    from: LocalDate | null
    /**
     * local date of the last of them; null when there are none
     */
    to: LocalDate | null
    /**
     * replies by the owner
     */
    owner_replies: number
    /**
     * messages by everyone else
     */
    others_messages: number
  }
  /**
   * labels of the grid rows
   *
   * @minItems 7
   * @maxItems 7
   */
  weekdays: ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[]
  owner_messages: Grid7X24
  owner_replies: Grid7X24
  others_messages: Grid7X24
  /**
   * the grids summed over weekdays
   */
  by_hour: {
    owner_messages: Hours24
    owner_replies: Hours24
    others_messages: Hours24
  }
  /**
   * busiest hours
   */
  peak_hours: {
    /**
     * the owner's messages
     *
     * @maxItems 3
     *
     * Items: local hour 0-23
     */
    owner_messages: number[]
    /**
     * the owner's replies (first message of the owner's turn)
     *
     * @maxItems 3
     *
     * Items: local hour 0-23
     */
    owner_replies: number[]
    /**
     * everyone else's messages
     *
     * @maxItems 3
     *
     * Items: local hour 0-23
     */
    others_messages: number[]
  }
  /**
   * weekdays against weekends
   */
  weekday_vs_weekend: {
    owner: WeekBalance
    others: WeekBalance
  }
  /**
   * false when there is too little data for this section to say anything worth reading; then `note` says why
   */
  enough_data: boolean
  note?: Message
}
/**
 * weekdays against weekends
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "week_balance".
 */
export interface WeekBalance {
  /**
   * messages Monday to Friday
   */
  weekday_messages: number
  /**
   * messages on Saturday and Sunday
   */
  weekend_messages: number
  /**
   * messages per weekend day divided by messages per weekday; null without weekday messages
   */
  weekend_to_weekday_ratio: number | null
}
/**
 * reply_speed: how fast the owner answers each contact and how fast they answer back; a reply is the first message of a turn within one conversation
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "reply_speed".
 */
export interface ReplySpeed {
  covers: Period
  platforms: Platforms
  /**
   * basis: all messages by people
   */
  data: {
    /**
     * messages the section was computed from (see its description)
     */
    messages: number
    /**
     * local date of the first of them; null when there are none
     */
    from: LocalDate | null
    /**
     * local date of the last of them; null when there are none
     */
    to: LocalDate | null
    /**
     * replies to or by the owner
     */
    replies_with_you: number
  }
  /**
   * silence in hours that ends a conversation (a later message is not a reply)
   */
  gap_hours: number
  /**
   * replies a contact needs in one direction for its median to be reported
   */
  min_replies: number
  private: ReplyScope
  groups: ReplyScope
  /**
   * false when there is too little data for this section to say anything worth reading; then `note` says why
   */
  enough_data: boolean
  note?: Message
}
/**
 * replies in one kind of chat
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "reply_scope".
 */
export interface ReplyScope {
  /**
   * what this scope counted
   */
  data: {
    /**
     * replies by the owner
     */
    your_replies: number
    /**
     * replies to the owner
     */
    their_replies: number
    /**
     * contacts with at least min_replies replies in one direction
     */
    contacts_with_enough_replies: number
  }
  /**
   * contacts with enough replies in at least one direction
   *
   * Items: one contact
   */
  contacts: {
    /**
     * contact
     */
    name: string
    you_reply: ReplyDirection
    they_reply: ReplyDirection
  }[]
  you_reply: ReplyRanking
  they_reply: ReplyRanking
}
/**
 * replies in one direction
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "reply_direction".
 */
export interface ReplyDirection {
  /**
   * replies measured
   */
  replies: number
  /**
   * median delay in seconds; null with fewer than min_replies replies
   */
  median_seconds: number | null
  /**
   * 75th percentile of the delay in seconds; null with fewer than min_replies replies
   */
  p75_seconds: number | null
}
/**
 * contacts with enough replies in one direction, ranked by median delay: both ends of one ranking
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "reply_ranking".
 */
export interface ReplyRanking {
  /**
   * contacts in the ranking
   */
  contacts: number
  /**
   * up to five fastest, fastest first (the faster half at most)
   *
   * @maxItems 5
   *
   * Items: one contact
   */
  fastest: {
    /**
     * contact
     */
    name: string
    /**
     * median delay in this direction, seconds
     */
    median_seconds: number
    /**
     * median delay in the other direction, seconds; null with too few replies that way
     */
    other_direction_median_seconds: number | null
  }[]
  /**
   * up to five slowest, slowest first; never repeats a contact of fastest
   *
   * @maxItems 5
   *
   * Items: one contact
   */
  slowest: {
    /**
     * contact
     */
    name: string
    /**
     * median delay in this direction, seconds
     */
    median_seconds: number
    /**
     * median delay in the other direction, seconds; null with too few replies that way
     */
    other_direction_median_seconds: number | null
  }[]
}
/**
 * conversations: how the owner's private chats go, per contact: messages sent and received, who starts, how long conversations last, double texting; a silence longer than gap_hours ends a conversation
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "conversations".
 */
export interface Conversations {
  covers: Period
  platforms: Platforms
  /**
   * basis: messages of private chats with the owner
   */
  data: {
    /**
     * messages the section was computed from (see its description)
     */
    messages: number
    /**
     * local date of the first of them; null when there are none
     */
    from: LocalDate | null
    /**
     * local date of the last of them; null when there are none
     */
    to: LocalDate | null
    /**
     * private chats with messages of both sides
     */
    private_chats: number
    /**
     * conversations in them
     */
    conversations: number
  }
  /**
   * silence that ends a conversation, hours
   */
  gap_hours: number
  /**
   * minimum time after one's own message for a second one to count as a double text, minutes
   */
  double_text_minutes: number
  /**
   * conversations a contact needs to be listed
   */
  min_conversations: number
  /**
   * false when there is too little data for this section to say anything worth reading; then `note` says why
   */
  enough_data: boolean
  note?: Message
  /**
   * messages the owner sent in the listed private chats
   */
  sent?: number
  /**
   * messages the owner received in them
   */
  received?: number
  /**
   * share of all conversations the owner started, 0..1
   */
  started_by_you_share?: number
  /**
   * up to twenty contacts with at least min_conversations conversations, most messages first
   *
   * @maxItems 20
   *
   * Items: one contact
   */
  contacts?: {
    /**
     * contact
     */
    name: string
    /**
     * messages the owner sent them
     */
    sent: number
    /**
     * messages received from them
     */
    received: number
    /**
     * conversations
     */
    conversations: number
    /**
     * share of the conversations the owner started, 0..1
     */
    started_by_you_share: number
    /**
     * median conversation length, minutes from first to last message
     */
    median_minutes: number
    /**
     * median conversation length, messages
     */
    median_messages: number
    /**
     * the longest conversation (by messages)
     */
    longest: {
      /**
       * messages
       */
      messages: number
      /**
       * minutes from first to last message
       */
      minutes: number
      date: LocalDate
    }
    /**
     * times the owner wrote again, at least double_text_minutes after their own message, before any answer
     */
    your_double_texts: number
    /**
     * the same for the contact
     */
    their_double_texts: number
  }[]
}
/**
 * mood: the owner's emoji sentiment over time, with 95% confidence intervals
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "mood".
 */
export interface Mood {
  covers: Period
  platforms: Platforms
  /**
   * basis: the owner's messages
   */
  data: {
    /**
     * messages the section was computed from (see its description)
     */
    messages: number
    /**
     * local date of the first of them; null when there are none
     */
    from: LocalDate | null
    /**
     * local date of the last of them; null when there are none
     */
    to: LocalDate | null
    /**
     * emoji the owner used
     */
    emoji: number
    /**
     * of them with a sentiment score
     */
    scored_emoji: number
    /**
     * scored_emoji / emoji
     */
    coverage: number
  }
  scale: Message
  /**
   * where the sentiment scores come from
   */
  sources: Message[]
  /**
   * false when there is too little data for this section to say anything worth reading; then `note` says why
   */
  enough_data: boolean
  note?: Message
  overall?: MoodPeriod
  /**
   * one entry per month with emoji, in order
   */
  months?: MoodPeriod[]
  /**
   * one entry per week (labelled by its Monday) with emoji, in order
   */
  weeks?: MoodPeriod[]
  /**
   * highest mean among months with at least 20 scored emoji; null when none
   */
  happiest_month?: MoodMonth | null
  /**
   * lowest mean among months with at least 20 scored emoji; null with fewer than two
   */
  lowest_month?: MoodMonth | null
  /**
   * up to three chats with the highest mean (at least 20 scored emoji)
   *
   * @maxItems 3
   */
  most_positive_chats?: MoodPeriod[]
  /**
   * up to three chats with the lowest mean
   *
   * @maxItems 3
   */
  most_negative_chats?: MoodPeriod[]
}
/**
 * emoji sentiment of one period (or chat)
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "mood_period".
 */
export interface MoodPeriod {
  /**
   * month YYYY-MM, week by its Monday YYYY-MM-DD, "all", or the chat title
   */
  period: string
  /**
   * chat title (in the chat rankings)
   */
  chat?: string
  /**
   * emoji with a sentiment score
   */
  scored: number
  /**
   * emoji used
   */
  emoji: number
  /**
   * scored / emoji
   */
  coverage: number
  /**
   * mean sentiment, -1 (negative) to +1 (positive); null without scored emoji
   */
  mean: number | null
  /**
   * lower end of the 95% confidence interval of the mean; null with fewer than 2 scored emoji
   */
  ci_low: number | null
  /**
   * upper end of the 95% confidence interval of the mean; null with fewer than 2 scored emoji
   */
  ci_high: number | null
  /**
   * up to three most used scored emoji
   *
   * @maxItems 3
   *
   * Items: emoji
   */
  top_emoji: string[]
}
/**
 * a month and its mean
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "mood_month".
 */
export interface MoodMonth {
  month: Month
  /**
   * mean sentiment, -1..+1
   */
  mean: number
}
/**
 * comings_goings: who came into the owner's life and who faded out, from messages exchanged per month
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "comings_goings".
 */
export interface ComingsGoings {
  covers: Period
  platforms: Platforms
  /**
   * basis: messages exchanged with the owner (both sides in private chats, the other person's in shared groups)
   */
  data: {
    /**
     * messages the section was computed from (see its description)
     */
    messages: number
    /**
     * local date of the first of them; null when there are none
     */
    from: LocalDate | null
    /**
     * local date of the last of them; null when there are none
     */
    to: LocalDate | null
    /**
     * people with messages exchanged
     */
    people: number
  }
  /**
   * false when there is too little data for this section to say anything worth reading; then `note` says why
   */
  enough_data: boolean
  note?: Message
  /**
   * everyone, most exchanged first
   *
   * Items: one person
   */
  people?: {
    /**
     * person
     */
    name: string
    /**
     * messages exchanged
     */
    total: number
    first_month: Month
    last_month: Month
    /**
     * one entry per month with messages
     */
    months: never[][]
  }[]
  /**
   * days after the data starts from which a first message counts as an appearance
   */
  appear_after_days?: number
  data_starts?: LocalDate
  /**
   * people whose first message came appear_after_days or more after the data starts, earliest first
   *
   * Items: one newcomer
   */
  appeared?: {
    /**
     * person
     */
    name: string
    month: Month
    /**
     * messages exchanged
     */
    total: number
  }[]
  /**
   * people already there when the data starts
   */
  there_from_the_beginning?: {
    /**
     * people
     */
    count: number
    /**
     * up to ten of them, most exchanged first
     *
     * @maxItems 10
     *
     * Items: name
     */
    top: string[]
  }
  /**
   * appearances (see appeared) per year
   *
   * Items: arrivals of one year
   */
  appeared_by_year?: {
    /**
     * calendar year
     */
    year: number
    /**
     * people who appeared that year
     */
    count: number
    /**
     * up to ten of them, most exchanged first
     *
     * @maxItems 10
     *
     * Items: name
     */
    top: string[]
  }[]
  /**
   * people once among the ten closest of a half-year who have been silent six months or more, where a silence that long is unlikely by chance given how often they wrote
   *
   * Items: one person
   */
  faded?: {
    /**
     * person
     */
    name: string
    last_month: Month
    /**
     * months since their last message
     */
    silent_months: number
    /**
     * messages exchanged
     */
    total: number
  }[]
  /**
   * people back after six months or more of silence, where a silence that long is unlikely by chance
   *
   * Items: one comeback
   */
  comebacks?: {
    /**
     * person
     */
    name: string
    silent_from: Month
    back_in: Month
    /**
     * length of the silence in months
     */
    silent_months: number
  }[]
  /**
   * up to ten longest spans among people with at least 20 messages
   *
   * @maxItems 10
   *
   * Items: one relationship
   */
  longest_relationships?: {
    /**
     * person
     */
    name: string
    /**
     * months from first to last message
     */
    months: number
    from: Month
    to: Month
    /**
     * messages exchanged
     */
    total: number
  }[]
}
/**
 * topics: what the owner writes about: distinctive words per period and per chat, languages, emoji subgroups, link domains, hashtags
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "topics".
 */
export interface Topics {
  covers: Period
  platforms: Platforms
  /**
   * basis: the owner's text messages
   */
  data: {
    /**
     * messages the section was computed from (see its description)
     */
    messages: number
    /**
     * local date of the first of them; null when there are none
     */
    from: LocalDate | null
    /**
     * local date of the last of them; null when there are none
     */
    to: LocalDate | null
    /**
     * words counted (no stopwords, at least two letters)
     */
    words: number
    /**
     * distinct words and two-word phrases
     */
    distinct_terms: number
  }
  method: Message
  /**
   * languages of at least a tenth of the owner's messages, whose everyday words (word-frequency lists) never count as topics
   *
   * Items: ISO 639-1 code
   */
  everyday_languages: string[]
  /**
   * unit of by_period: quarters when the history is shorter than two years
   */
  period: 'year' | 'quarter'
  /**
   * the language of every chat
   *
   * Items: one chat
   */
  chat_languages: {
    /**
     * chat title
     */
    chat: string
    /**
     * ISO 639-1 code, und when unknown
     */
    language: string
    /**
     * confidence of the guess
     */
    confidence: number
  }[]
  /**
   * languages the owner writes in, most used first
   *
   * Items: one language
   */
  languages: {
    /**
     * ISO 639-1 code
     */
    language: string
    /**
     * the owner's text messages in chats of that language
     */
    messages: number
    /**
     * of the owner's text messages
     */
    share: number
  }[]
  /**
   * up to ten emoji subgroups that say what about (faces and hands left out)
   *
   * @maxItems 10
   *
   * Items: one subgroup
   */
  emoji_subgroups: {
    /**
     * emojibase subgroup key
     */
    subgroup: string
    /**
     * English name
     */
    name_en: string
    /**
     * Spanish name
     */
    name_es: string
    /**
     * uses
     */
    count: number
  }[]
  /**
   * up to ten link domains the owner shares, used on at least 3 days
   *
   * @maxItems 10
   *
   * Items: one item
   */
  domains: {
    /**
     * link domain
     */
    domain: string
    /**
     * uses
     */
    count: number
    /**
     * distinct days it was used
     */
    days: number
  }[]
  /**
   * up to ten hashtags, used on at least 3 days
   *
   * @maxItems 10
   *
   * Items: one item
   */
  hashtags: {
    /**
     * hashtag
     */
    hashtag: string
    /**
     * uses
     */
    count: number
    /**
     * distinct days it was used
     */
    days: number
  }[]
  /**
   * false when there is too little data for this section to say anything worth reading; then `note` says why
   */
  enough_data: boolean
  note?: Message
  /**
   * distinctive terms of each period
   *
   * Items: one period
   */
  by_period?: {
    /**
     * YYYY or YYYY-Qn
     */
    period: string
    /**
     * text messages
     */
    messages: number
    /**
     * words
     */
    words: number
    /**
     * up to ten distinctive terms
     *
     * @maxItems 10
     */
    terms: TopicTerm[]
  }[]
  /**
   * distinctive terms of up to ten chats with at least 200 words of the owner
   *
   * @maxItems 10
   *
   * Items: one chat
   */
  by_chat?: {
    /**
     * chat title
     */
    chat: string
    /**
     * ISO 639-1 code
     */
    language: string
    /**
     * the owner's words there
     */
    words: number
    /**
     * up to ten distinctive terms
     *
     * @maxItems 10
     */
    terms: TopicTerm[]
  }[]
  /**
   * up to fifteen terms that stand out most in any period or chat, highest z first
   *
   * @maxItems 15
   *
   * Items: one term
   */
  interests?: {
    /**
     * word or phrase
     */
    term: string
    /**
     * uses, in the period or chat where it stands out
     */
    count: number
    /**
     * highest z-score of the term in a period or chat
     */
    z: number
  }[]
}
/**
 * one distinctive term
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "topic_term".
 */
export interface TopicTerm {
  /**
   * word or two-word phrase
   */
  term: string
  /**
   * z-score of the weighted log-odds against the rest of the history; null for a term chosen against general language alone
   */
  z: number | null
  /**
   * z > significant_z of the method
   */
  significant: boolean
  /**
   * uses in the group
   */
  count: number
  /**
   * background the term stands out against: the rest of the history in the same language and everyday language, or everyday language alone (a chat alone in its language)
   */
  against: 'history_and_general_language' | 'general_language'
}
/**
 * sleep: when the owner is essentially never active (the quiet window of the time-of-day distribution, weekdays and weekends apart); the per-night longest silence is kept as an upper bound
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "sleep".
 */
export interface Sleep {
  covers: Period
  platforms: Platforms
  /**
   * basis: the owner's messages
   */
  data: {
    /**
     * messages the section was computed from (see its description)
     */
    messages: number
    /**
     * local date of the first of them; null when there are none
     */
    from: LocalDate | null
    /**
     * local date of the last of them; null when there are none
     */
    to: LocalDate | null
    /**
     * nights with a qualifying silence
     */
    nights_inferred: number
  }
  method: Message
  /**
   * the quiet windows
   */
  quiet_window: {
    weekdays: QuietWindow
    weekends: QuietWindow
    all: QuietWindow
  }
  /**
   * width of a slot of messages_by_slot, minutes
   */
  slot_minutes: number
  /**
   * the owner's messages per slot of the day, from midnight, every day
   *
   * @minItems 1
   *
   * Items: messages
   */
  messages_by_slot: number[]
  /**
   * the longest silence of each night covering part of 01:00-06:00: an upper bound of sleep, labelled as one
   */
  longest_silence: {
    /**
     * always true: this measures silence, not sleep
     */
    upper_bound: true
    note: Message
    /**
     * nights with a qualifying silence
     */
    nights: number
    all?: SleepSummary
    weekdays?: SleepSummary
    weekends?: SleepSummary
    /**
     * median silence in hours when between 3 and 12 hours; null otherwise (see refused)
     */
    typical_night_hours?: number | null
    refused?: Message
    /**
     * per month of the wake-up day
     */
    by_month?: SleepMonth[]
    /**
     * short nights
     */
    short_nights?: {
      /**
       * hours
       */
      threshold_hours: number
      /**
       * nights shorter than the threshold
       */
      count: number
      /**
       * of all nights
       */
      share: number
    }
  }
  /**
   * chronotype from the quiet window (of weekdays when there is one, else of all days); its words are the catalogue keys sleep.verdict.<value>; null without a window
   */
  verdict: 'night_owl' | 'early_bird' | 'in_between' | null
  /**
   * false when there is too little data for this section to say anything worth reading; then `note` says why
   */
  enough_data: boolean
  note?: Message
}
/**
 * the quiet window of one kind of day
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "quiet_window".
 */
export interface QuietWindow {
  /**
   * the owner's messages on these days
   */
  messages: number
  /**
   * days with messages of the owner
   */
  days: number
  /**
   * whether a window between 3 and 12 hours long was found
   */
  found: boolean
  reason?: Message
  /**
   * length of the quietest stretch, hours (absent with too few messages)
   */
  hours?: number
  from?: Clock
  to?: Clock
  /**
   * start, minutes after midnight
   */
  from_minutes?: number
  /**
   * end, minutes after midnight
   */
  to_minutes?: number
}
/**
 * nights summarised
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "sleep_summary".
 */
export interface SleepSummary {
  /**
   * nights inferred
   */
  nights: number
  bedtime: ClockStats
  wake_up: ClockStats
  /**
   * median length of the silence in hours (an upper bound of sleep); null without nights
   */
  median_hours: number | null
}
/**
 * a time of day over many nights
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "clock_stats".
 */
export interface ClockStats {
  /**
   * median; null without nights
   */
  median: Clock | null
  p25?: Clock
  p75?: Clock
  /**
   * median in minutes from the wake-up day's midnight (negative: the evening before)
   */
  median_minutes?: number
  /**
   * interquartile range in minutes
   */
  spread_minutes?: number
}
/**
 * nights of one month
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "sleep_month".
 */
export interface SleepMonth {
  /**
   * nights inferred
   */
  nights: number
  bedtime: ClockStats
  wake_up: ClockStats
  /**
   * median length of the silence in hours (an upper bound of sleep); null without nights
   */
  median_hours: number | null
  month: Month
}
/**
 * work: the owner's working hours, from work chats (traffic on weekday office hours) and from weekdays quieter than weekends in daytime
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "work".
 */
export interface Work {
  covers: Period
  platforms: Platforms
  /**
   * basis: the owner's messages
   */
  data: {
    /**
     * messages the section was computed from (see its description)
     */
    messages: number
    /**
     * local date of the first of them; null when there are none
     */
    from: LocalDate | null
    /**
     * local date of the last of them; null when there are none
     */
    to: LocalDate | null
    /**
     * weekdays with messages of the owner
     */
    active_weekdays: number
    /**
     * weekend days with messages of the owner
     */
    active_weekend_days: number
  }
  /**
   * false when there is too little data for this section to say anything worth reading; then `note` says why
   */
  enough_data: boolean
  note?: Message
  /**
   * the owner's messages per active weekday, by local hour
   *
   * @minItems 24
   * @maxItems 24
   *
   * Items: messages
   */
  messages_per_weekday_by_hour?: number[]
  /**
   * the owner's messages per active weekend day, by local hour
   *
   * @minItems 24
   * @maxItems 24
   *
   * Items: messages
   */
  messages_per_weekend_day_by_hour?: number[]
  /**
   * whether work chats or a window of at least four quieter weekday hours was found
   */
  shows_working_hours?: boolean
  /**
   * the inferred working window; null when none
   */
  window?: {
    from: Clock
    to: Clock
    /**
     * of weekday messages written inside the window
     */
    share_of_weekday_messages: number
    /**
     * messages per weekday inside the window
     */
    messages_per_weekday_inside: number
    /**
     * start, minutes after midnight
     */
    from_minutes: number
    /**
     * end, minutes after midnight
     */
    to_minutes: number
    /**
     * where the window comes from: the weekday messages of the work chats (1st to 99th percentile, to the quarter hour) or the weekday/weekend contrast
     */
    evidence: 'work_chats' | 'weekday_weekend_contrast'
    /**
     * the owner's messages in the work chats
     */
    your_messages_in_work_chats: number
  } | null
  /**
   * whether 13-15h is clearly quieter than the hours around it on weekdays
   */
  lunch_dip?: boolean
  /**
   * weekday messages at 13-15h against 11-13h and 15-17h; null without messages then
   */
  lunch_to_surrounding_ratio?: number | null
  /**
   * chats whose traffic sits on weekday office hours (09:00-18:00)
   *
   * Items: one chat
   */
  work_chats?: {
    /**
     * chat title
     */
    chat: string
    /**
     * messages in the chat
     */
    messages: number
    /**
     * the owner's messages there
     */
    your_messages: number
    /**
     * share of its messages on weekdays, 0..1
     */
    weekday_share: number
    /**
     * share of its weekday messages in office hours, 0..1
     */
    office_hours_share: number
  }[]
  /**
   * the evidence found
   *
   * Items: work chats, or daytime weekdays quieter than weekends
   */
  evidence?: ('work_chats' | 'weekday_weekend_contrast')[]
}
/**
 * shared_groups: with whom the owner shares the most group chats
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "shared_groups".
 */
export interface SharedGroups {
  covers: Period
  platforms: Platforms
  /**
   * basis
   */
  data: {
    /**
     * group chats the owner is in
     */
    groups_with_you: number
    /**
     * people in them
     */
    people: number
  }
  note_on_membership: Message
  /**
   * up to ten people, most groups in common first
   *
   * @maxItems 10
   *
   * Items: one person
   */
  top: {
    /**
     * person
     */
    name: string
    /**
     * groups in common
     */
    shared_groups: number
    /**
     * the groups
     *
     * Items: group title
     */
    groups: string[]
  }[]
  /**
   * false when there is too little data for this section to say anything worth reading; then `note` says why
   */
  enough_data: boolean
  note?: Message
}
/**
 * emoji_wall: every emoji the owner used, the owner's skin-tone preference, and the top emoji of the closest contacts
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "emoji_wall".
 */
export interface EmojiWall {
  covers: Period
  platforms: Platforms
  /**
   * basis: the owner's messages
   */
  data: {
    /**
     * messages the section was computed from (see its description)
     */
    messages: number
    /**
     * local date of the first of them; null when there are none
     */
    from: LocalDate | null
    /**
     * local date of the last of them; null when there are none
     */
    to: LocalDate | null
    /**
     * emoji the owner used
     */
    emoji: number
    /**
     * of the owner's messages with at least one emoji
     */
    messages_with_emoji: number
  }
  source: Message
  /**
   * every emoji the owner used, most used first (empty without emoji)
   */
  emoji: Emoji[]
  /**
   * false when there is too little data for this section to say anything worth reading; then `note` says why
   */
  enough_data: boolean
  note?: Message
  /**
   * distinct emoji
   */
  distinct?: number
  /**
   * uses per emoji group, most used first
   *
   * Items: one group
   */
  groups?: {
    /**
     * emojibase group key
     */
    group: string
    /**
     * uses
     */
    count: number
  }[]
  /**
   * skin tone preference
   */
  skin_tone?: {
    /**
     * uses of emoji that take a skin tone
     */
    uses: number
    /**
     * share of those uses per tone: default (none), light, medium-light, medium, medium-dark, dark
     */
    shares: {
      /**
       * share
       */
      [k: string]: number
    }
    /**
     * the most used tone key; null when no such emoji was used
     */
    preferred: string | null
  }
  /**
   * up to ten closest contacts (by their messages in chats with the owner)
   *
   * @maxItems 10
   *
   * Items: one contact
   */
  contacts?: {
    /**
     * contact
     */
    name: string
    /**
     * up to five most used emoji
     *
     * @maxItems 5
     */
    top: Emoji[]
  }[]
}
/**
 * one emoji with its number of uses
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "emoji".
 */
export interface Emoji {
  /**
   * the emoji itself (skin tones folded into the base emoji)
   */
  emoji: string
  /**
   * its code points in hexadecimal, dash-separated (emojibase hexcode)
   */
  hexcode: string
  /**
   * uses
   */
  count: number
  /**
   * English name (emojibase-data)
   */
  name_en: string
  /**
   * Spanish name (emojibase-data)
   */
  name_es: string
  /**
   * emojibase group key, null for emoticons without one
   */
  group: string | null
  /**
   * emojibase subgroup key, null when none
   */
  subgroup: string | null
}
/**
 * media: the photos, videos, voice notes, stickers and links the owner sends and receives, per month and per contact
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "media".
 */
export interface Media {
  covers: Period
  platforms: Platforms
  /**
   * basis: messages by people in chats with the owner
   */
  data: {
    /**
     * messages the section was computed from (see its description)
     */
    messages: number
    /**
     * local date of the first of them; null when there are none
     */
    from: LocalDate | null
    /**
     * local date of the last of them; null when there are none
     */
    to: LocalDate | null
    /**
     * media and link messages the owner sent
     */
    sent: number
    /**
     * media and link messages the owner received
     */
    received: number
  }
  /**
   * the kinds counted, in display order
   */
  kinds: ('photos' | 'videos' | 'voice_notes' | 'stickers' | 'links' | 'other')[]
  sent: MediaCounts
  received: MediaCounts
  /**
   * false when there is too little data for this section to say anything worth reading; then `note` says why
   */
  enough_data: boolean
  note?: Message
  /**
   * per month with any, in order
   *
   * Items: one month
   */
  by_month?: {
    month: Month
    sent: MediaCounts
    received: MediaCounts
  }[]
  /**
   * up to ten contacts with the most media exchanged
   *
   * @maxItems 10
   *
   * Items: one contact
   */
  by_contact?: {
    /**
     * contact
     */
    name: string
    /**
     * sent to them (private chats) plus received from them (any chat)
     */
    total: number
    sent: MediaCounts
    received: MediaCounts
  }[]
}
/**
 * messages by kind of media
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "media_counts".
 */
export interface MediaCounts {
  /**
   * photos (images)
   */
  photos: number
  /**
   * videos and GIFs
   */
  videos: number
  /**
   * voice notes and audio files
   */
  voice_notes: number
  /**
   * stickers
   */
  stickers: number
  /**
   * text messages with a link (http://, https://, www.)
   */
  links: number
  /**
   * documents and other attachments
   */
  other: number
}
/**
 * year_vs_year: the report's year against the year before (or its last twelve months against the twelve before), only where both have enough data; every statement compares sections computed on each period
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "year_vs_year".
 */
export interface YearVsYear {
  covers: Period
  platforms: Platforms
  this_period: Period
  /**
   * the period before, of the same length; null when the report's period is a range or everything
   */
  previous_period: Period | null
  /**
   * basis of the comparison; null without a period before
   */
  data: {
    this: YvyCoverage
    previous: YvyCoverage
  } | null
  /**
   * false when there is too little data for this section to say anything worth reading; then `note` says why
   */
  enough_data: boolean
  note?: Message
  messages?: YvyCount
  active_days?: YvyCount
  /**
   * who appeared and who faded: at least min_messages exchanged with the owner in one period, none in the other
   */
  people?: {
    /**
     * messages exchanged in a period to count
     */
    min_messages: number
    /**
     * new this period, most exchanged first
     */
    appeared: YvyPerson[]
    appeared_message: Message
    /**
     * there the period before, gone this one, most exchanged first
     */
    faded: YvyPerson[]
    faded_message: Message
  }
  /**
   * null when a period has nobody
   */
  top_person?: {
    this: YvyTopPerson
    previous: YvyTopPerson
    message: Message
  } | null
  /**
   * null when a period has too few replies (reply_speed)
   */
  fastest_reply?: {
    this: YvyFastest
    previous: YvyFastest
    message: Message
  } | null
  /**
   * null when a period has too few scored emoji (mood)
   */
  mood?: {
    this: YvyMood
    previous: YvyMood
    /**
     * this mean minus the previous one
     */
    change: number
    /**
     * lower end of the change's 95% confidence interval (the periods taken as independent)
     */
    change_ci_low: number
    /**
     * upper end of the change's 95% confidence interval
     */
    change_ci_high: number
    /**
     * about_the_same when the two intervals overlap
     */
    verdict: 'about_the_same' | 'higher' | 'lower'
    message: Message
  } | null
  /**
   * null when a period has no emoji
   */
  emoji?: {
    /**
     * rose most; null when none rose
     */
    gained: YvyEmoji | null
    /**
     * fell most; null when none fell
     */
    lost: YvyEmoji | null
  } | null
  /**
   * null when topics has too little text
   */
  topics?: {
    /**
     * up to five, most used first
     *
     * @maxItems 5
     *
     * Items: one term
     */
    new: {
      /**
       * word or phrase
       */
      term: string
      /**
       * uses this period, where it stands out
       */
      count: number
    }[]
    message: Message
  } | null
  /**
   * null when a period has no weekday quiet window
   */
  sleep?: {
    this: YvyWindow
    previous: YvyWindow
    /**
     * minutes the window starts later (negative: earlier)
     */
    bedtime_shift_minutes: number
    /**
     * minutes the window ends later (negative: earlier)
     */
    wake_shift_minutes: number
    message: Message
  } | null
}
/**
 * how much data a period holds
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "yvy_coverage".
 */
export interface YvyCoverage {
  /**
   * messages by people
   */
  messages: number
  /**
   * messages by the owner
   */
  owner_messages: number
  /**
   * days the owner wrote on
   */
  owner_active_days: number
  /**
   * at least 100 messages of the owner on at least 20 days
   */
  enough_data: boolean
}
/**
 * a count this period and the period before
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "yvy_count".
 */
export interface YvyCount {
  /**
   * this period
   */
  this: number
  /**
   * the period before
   */
  previous: number
  /**
   * change from the period before, percent (0 when it had none)
   */
  change_percent: number
  message: Message
}
/**
 * a person and the messages exchanged with the owner in each period
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "yvy_person".
 */
export interface YvyPerson {
  /**
   * person
   */
  name: string
  /**
   * messages exchanged this period
   */
  this: number
  /**
   * messages exchanged the period before
   */
  previous: number
}
/**
 * the person most exchanged with
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "yvy_top_person".
 */
export interface YvyTopPerson {
  /**
   * person
   */
  name: string
  /**
   * messages exchanged
   */
  messages: number
}
/**
 * the contact answered fastest
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "yvy_fastest".
 */
export interface YvyFastest {
  /**
   * contact
   */
  name: string
  /**
   * the owner's median reply delay to them, seconds
   */
  median_seconds: number
}
/**
 * the owner's mean emoji sentiment over a period (mood.overall)
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "yvy_mood".
 */
export interface YvyMood {
  /**
   * mean sentiment, -1 (negative) to +1 (positive)
   */
  mean: number
  /**
   * lower end of its 95% confidence interval
   */
  ci_low: number
  /**
   * upper end of its 95% confidence interval
   */
  ci_high: number
}
/**
 * an emoji whose share of the owner's emoji changed most
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "yvy_emoji".
 */
export interface YvyEmoji {
  /**
   * the emoji
   */
  emoji: string
  /**
   * uses this period
   */
  this: number
  /**
   * uses the period before
   */
  previous: number
  message: Message
}
/**
 * the weekday quiet window (sleep.quiet_window.weekdays) of a period
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "yvy_window".
 */
export interface YvyWindow {
  from: Clock
  to: Clock
  /**
   * start, minutes after midnight
   */
  from_minutes: number
  /**
   * end, minutes after midnight
   */
  to_minutes: number
}
/**
 * privacy: what the owner's messages reveal: plain statements built from the other sections, each with its evidence
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "privacy".
 */
export interface Privacy {
  covers: Period
  platforms: Platforms
  /**
   * basis
   */
  data: {
    /**
     * statements made
     */
    statements: number
  }
  /**
   * the statements
   *
   * Items: one statement
   */
  statements: {
    /**
     * i18n key of the statement (privacy.*); its evidence sentence is key + ".evidence"
     */
    key: string
    /**
     * the section it comes from
     */
    section: string
    /**
     * parameters of the statement
     */
    params: {
      [k: string]: unknown
    }
    /**
     * parameters of the evidence sentence
     */
    evidence: {
      [k: string]: unknown
    }
  }[]
  context: Message
  /**
   * false when there is too little data for this section to say anything worth reading; then `note` says why
   */
  enough_data: boolean
  note?: Message
}
/**
 * community_summary: the few bucketed numbers that may, on request only, be sent to the community service (docs/community-summary.md)
 *
 * This interface was referenced by `ChatlensReport`'s JSON-Schema
 * via the `definition` "community_summary".
 */
export interface CommunitySummary {
  covers: Period
  platforms: Platforms
  /**
   * basis: the owner's messages
   */
  data: {
    /**
     * messages the section was computed from (see its description)
     */
    messages: number
    /**
     * local date of the first of them; null when there are none
     */
    from: LocalDate | null
    /**
     * local date of the last of them; null when there are none
     */
    to: LocalDate | null
    /**
     * days with messages of the owner
     */
    active_days: number
  }
  /**
   * path of the document describing the summary
   */
  documentation: string
  /**
   * false when there is too little data for this section to say anything worth reading; then `note` says why
   */
  enough_data: boolean
  note?: Message
  summary?: ChatlensCommunitySummaryVersion1SeeCommunitySummaryMd
}
export interface ChatlensCommunitySummaryVersion1SeeCommunitySummaryMd {
  schema: 'chatlens.community_summary'
  version: 1
  /**
   * @maxItems 10
   */
  top_emoji: string[]
  avg_text_length: number
  messages_per_active_day: 1 | 2 | 3 | 5 | 7 | 10 | 15 | 20 | 25 | 30 | 40 | 50 | 75 | 100 | 150 | 200 | 300 | 500
  minutes_per_day: 0 | 5 | 10 | 15 | 20 | 30 | 45 | 60 | 90 | 120 | 180 | 240 | 360 | 480
  /**
   * @minItems 24
   * @maxItems 24
   */
  hour_profile: number[]
}

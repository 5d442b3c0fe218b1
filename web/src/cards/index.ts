// The component of every card of the manifest (src/report/manifest.ts). Typed by
// the manifest's card names: a card without a component, or a component without
// a card, is a type error.
import type { Component } from 'vue'
import type { CardName } from '../report/manifest'
import ActivityCard from './ActivityCard.vue'
import ComingsGoingsCard from './ComingsGoingsCard.vue'
import ConversationsCard from './ConversationsCard.vue'
import EmojiWallCard from './EmojiWallCard.vue'
import MediaCard from './MediaCard.vue'
import MoodCard from './MoodCard.vue'
import OverviewCard from './OverviewCard.vue'
import PrivacyCard from './PrivacyCard.vue'
import ReplySpeedCard from './ReplySpeedCard.vue'
import SharedGroupsCard from './SharedGroupsCard.vue'
import SleepWorkCard from './SleepWorkCard.vue'
import TopicsCard from './TopicsCard.vue'
import YearVsYearCard from './YearVsYearCard.vue'

export const CARD_COMPONENTS: Record<CardName, Component> = {
  overview: OverviewCard,
  activity: ActivityCard,
  reply_speed: ReplySpeedCard,
  conversations: ConversationsCard,
  mood: MoodCard,
  comings_goings: ComingsGoingsCard,
  topics: TopicsCard,
  sleep_work: SleepWorkCard,
  shared_groups: SharedGroupsCard,
  emoji_wall: EmojiWallCard,
  media: MediaCard,
  year_vs_year: YearVsYearCard,
  privacy: PrivacyCard,
}

// How a card reaches the share dialog of the report it is in: the report view
// provides this, each card's frame shows a share button when its card has a finding.
import type { InjectionKey } from 'vue'

export interface ShareContext {
  canShare: (card: string) => boolean
  open: (card: string) => void
}

export const SHARE_CONTEXT: InjectionKey<ShareContext> = Symbol('share-context')

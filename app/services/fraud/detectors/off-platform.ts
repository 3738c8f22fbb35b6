import { FRAUD_CONFIG } from '../fraud-config'
import { burstsOf, draftFrom, groupBy, plural, type AlertDraft } from '../alert-draft'
import type { MessageFlagFact } from '~/domain/fraud-facts'
import { REASON_LABELS } from '~/services/messaging/off-platform-reasons'
import { labelOf } from '~/domain/value-labels'

const reasonWords = (reason: string) => labelOf(REASON_LABELS, reason)

const C = FRAUD_CONFIG.offPlatform

/** Messages flagged as moving contact or payment off MegiLance, repeated across conversations. */
export function detectOffPlatform(flags: readonly MessageFlagFact[]): AlertDraft[] {
  const drafts: AlertDraft[] = []
  for (const [userId, mine] of groupBy(flags, (f) => f.userId)) {
    for (const burst of burstsOf(mine, (f) => f.at, C.windowMs)) {
      const conversations = new Set(burst.map((f) => f.conversationId))
      if (conversations.size < C.minConversations) continue
      const reasons = [...new Set(burst.flatMap((f) => f.reasons))]
      const draft = draftFrom(
        {
          type: 'off_platform',
          key: `off_platform:${userId}:${burst[0]!.at}`,
          accounts: [userId],
          words: [
            `${plural(burst.length, 'message')} in ${plural(conversations.size, 'conversation')} asked to move off MegiLance (${reasons.map(reasonWords).join('; ')}).`,
          ],
          data: { messages: burst.length, conversations: [...conversations], reasons },
        },
        conversations.size * C.points.perConversation,
      )
      if (draft) drafts.push(draft)
    }
  }
  return drafts
}

import { labelOf, valuesOf } from '~/domain/value-labels'

/** The contact form's topics and its honeypot: what the page shows, apart from the form's schema (zod). */
const TOPIC_LABELS = {
  account: 'My account and signing in',
  payments: 'Payments, fees and escrow',
  contracts: 'Contracts and milestones',
  disputes: 'Disputes',
  reviews: 'Reviews and ranking',
  safety: 'Report a scam or abuse',
  other: 'Something else',
}
export const CONTACT_TOPIC_VALUES = valuesOf(TOPIC_LABELS)
/** The topic select's options, in the order above. */
export const CONTACT_TOPICS = CONTACT_TOPIC_VALUES.map((value) => ({ value, label: TOPIC_LABELS[value] }))

export function contactTopicLabel(value: string): string {
  return labelOf(TOPIC_LABELS, value)
}

/** The field bots fill and people never see; a filled one means the post is dropped silently. */
export const HONEYPOT_FIELD = 'website'

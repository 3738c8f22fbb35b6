/** The contact form's topics and its honeypot: what the page shows, apart from the form's schema (zod). */

export const CONTACT_TOPICS = [
  { value: 'account', label: 'My account and signing in' },
  { value: 'payments', label: 'Payments, fees and escrow' },
  { value: 'contracts', label: 'Contracts and milestones' },
  { value: 'disputes', label: 'Disputes' },
  { value: 'reviews', label: 'Reviews and ranking' },
  { value: 'safety', label: 'Report a scam or abuse' },
  { value: 'other', label: 'Something else' },
] as const
export type ContactTopic = (typeof CONTACT_TOPICS)[number]['value']

export function contactTopicLabel(value: string): string {
  return CONTACT_TOPICS.find((topic) => topic.value === value)?.label ?? value
}

/** The field bots fill and people never see; a filled one means the post is dropped silently. */
export const HONEYPOT_FIELD = 'website'

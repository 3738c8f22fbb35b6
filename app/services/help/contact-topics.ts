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

/** A page of this site a report can be about (a project, proposal, profile, conversation…): a plain path. */
const REPORTABLE_PATH = /^(\/[0-9a-z-]{1,64}){1,4}$/

/** The contact form, open at "Report a scam or abuse" and naming the page it is about. */
export function reportHref(aboutPath: string): string {
  return `/help/contact?${new URLSearchParams({ topic: 'safety', about: aboutPath })}`
}

/** The page a report is about, when `value` is one of this site's reportable pages; otherwise null. */
export function reportedPath(value: string | null): string | null {
  return value && REPORTABLE_PATH.test(value) ? value : null
}

/**
 * A repeated report's words without the "About https://…/the/page" line the form opened with: the
 * report they are added to already names the page. Other first lines are the member's own words.
 */
export function withoutAboutLine(message: string, aboutPath: string): string {
  const [first = '', ...rest] = message.split('\n')
  const line = first.trim()
  return /^About \S+$/.test(line) && line.endsWith(aboutPath) ? rest.join('\n').trim() : message
}

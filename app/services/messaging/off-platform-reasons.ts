/**
 * The reasons off-platform.ts flags a message for, and how they read: apart from its detection
 * patterns so that a conversation page, which only names the reasons, does not load them.
 */
import { valuesOf } from '~/domain/value-labels'

export const REASON_LABELS = {
  email: 'an email address',
  phone: 'a phone number',
  whatsapp: 'a WhatsApp contact or link',
  telegram: 'a Telegram contact or link',
  skype: 'a Skype contact or link',
  signal: 'a Signal contact or link',
  other_app: 'a contact on another app (Discord, Instagram and the like)',
  wire_transfer: 'a request to pay by wire or bank transfer',
  western_union: 'a request to pay by Western Union or MoneyGram',
  gift_cards: 'a request to pay with gift cards',
  crypto: 'a request to pay in cryptocurrency',
  payment_app: 'a request to pay through another payment app',
  pay_outside: 'a request to pay or work outside MegiLance',
}
export const OFF_PLATFORM_REASONS = valuesOf(REASON_LABELS)
export type OffPlatformReason = (typeof OFF_PLATFORM_REASONS)[number]

/** "an email address and a phone number", in the order of OFF_PLATFORM_REASONS. */
export function describeReasons(reasons: readonly string[]): string {
  const labels = OFF_PLATFORM_REASONS.filter((reason) => reasons.includes(reason)).map(
    (reason) => REASON_LABELS[reason],
  )
  const unknown = reasons.filter((reason) => !(OFF_PLATFORM_REASONS as readonly string[]).includes(reason))
  const all = [...labels, ...unknown]
  if (all.length <= 1) return all.join('')
  return `${all.slice(0, -1).join(', ')} and ${all[all.length - 1]}`
}

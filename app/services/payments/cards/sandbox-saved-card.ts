import { chargeSandboxCard, digitsOnly, type SandboxCardInput } from './sandbox-card'

/**
 * Saving a card in the sandbox, as Stripe's test mode does with a SetupIntent: a card that would be
 * declined is refused at once, except 4000 0000 0000 0341, which saves but declines every later
 * charge (Stripe's card for testing off-session failures). Only the last four digits are kept.
 */
export const SAVES_THEN_DECLINES = '4000000000000341'
const LATER_DECLINE = 'Your card was declined.'

export type SandboxCardToSave = {
  brand: string
  last4: string
  expMonth: number
  expYear: number
  sandboxDecline: string | null
}

function brandOf(number: string): string {
  if (number.startsWith('4')) return 'Visa'
  if (number.startsWith('3')) return 'American Express'
  return 'Mastercard'
}

function expiryOf(expiry: string): { expMonth: number; expYear: number } {
  const [month = '0', year = '0'] = expiry.split('/').map((part) => part.trim())
  return { expMonth: Number(month), expYear: year.length === 2 ? 2000 + Number(year) : Number(year) }
}

export function checkSandboxCardToSave(
  input: SandboxCardInput,
  now = new Date(),
): { ok: true; card: SandboxCardToSave } | { ok: false; field: 'number' | 'expiry' | 'cvc'; message: string } {
  const number = digitsOnly(input.number)
  const later = number === SAVES_THEN_DECLINES
  // The '0341' card passes every check a succeeding card does; test it as one to reuse them.
  const verified = chargeSandboxCard(later ? { ...input, number: '4242424242424242' } : input, now)
  if (!verified.ok) return verified
  return {
    ok: true,
    card: {
      brand: brandOf(number),
      last4: number.slice(-4),
      ...expiryOf(input.expiry),
      sandboxDecline: later ? LATER_DECLINE : null,
    },
  }
}

/** What a charge to a saved sandbox card answers: its stored decline, or expiry, or success. */
export function chargeSavedSandboxCard(
  card: { expMonth: number; expYear: number; sandboxDecline: string | null },
  now = new Date(),
): string | null {
  if (Date.UTC(card.expYear, card.expMonth, 1) <= now.getTime()) return 'Your card has expired.'
  return card.sandboxDecline
}

/**
 * The built-in card processor used when no Stripe key is configured. It answers Stripe's published
 * test card numbers the way Stripe's test mode does, so the whole product works offline.
 */
export type SandboxCardInput = { number: string; expiry: string; cvc: string }
export type SandboxCharge =
  { ok: true; last4: string } | { ok: false; field: 'number' | 'expiry' | 'cvc'; message: string }

const DECLINES: Record<string, string> = {
  '4000000000000002': 'Your card was declined.',
  '4000000000009995': 'Your card has insufficient funds.',
  '4000000000009987': 'Your card was declined because it was reported lost.',
  '4000000000000069': 'Your card has expired.',
  '4000000000000127': 'Your card’s security code is incorrect.',
  '4000000000000119': 'An error occurred while processing your card. Try again.',
}

const SUCCEEDS = new Set([
  '4242424242424242',
  '4000056655665556',
  '5555555555554444',
  '2223003122003222',
  '378282246310005',
])

export function digitsOnly(text: string): string {
  return text.replace(/[\s-]/g, '')
}

/** The Luhn checksum every real card number satisfies. */
export function passesLuhn(number: string): boolean {
  if (!/^\d{12,19}$/.test(number)) return false
  let sum = 0
  for (let index = 0; index < number.length; index++) {
    let digit = Number(number[number.length - 1 - index])
    if (index % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}

/** "MM/YY" or "MM / YYYY", not before the current month. */
export function checkExpiry(expiry: string, now = new Date()): string | null {
  const match = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(expiry)
  if (!match) return 'Enter the expiry date as MM/YY.'
  const month = Number(match[1])
  const yearText = match[2] ?? ''
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText)
  if (month < 1 || month > 12) return 'The expiry month must be between 01 and 12.'
  const endOfMonth = Date.UTC(year, month, 1)
  return endOfMonth <= now.getTime() ? 'Your card’s expiration date is in the past.' : null
}

export function chargeSandboxCard(input: SandboxCardInput, now = new Date()): SandboxCharge {
  const number = digitsOnly(input.number)
  if (!passesLuhn(number)) return { ok: false, field: 'number', message: 'Your card number is incorrect.' }
  const expiryProblem = checkExpiry(input.expiry, now)
  if (expiryProblem) return { ok: false, field: 'expiry', message: expiryProblem }
  const cvcLength = number.startsWith('3') ? 4 : 3
  if (!new RegExp(`^\\d{${cvcLength}}$`).test(input.cvc.trim())) {
    return { ok: false, field: 'cvc', message: `Enter the ${cvcLength}-digit security code.` }
  }
  const decline = DECLINES[number]
  if (decline) return { ok: false, field: 'number', message: decline }
  if (!SUCCEEDS.has(number)) {
    return {
      ok: false,
      field: 'number',
      message: 'This site is in test mode and takes only test cards, for example 4242 4242 4242 4242.',
    }
  }
  return { ok: true, last4: number.slice(-4) }
}

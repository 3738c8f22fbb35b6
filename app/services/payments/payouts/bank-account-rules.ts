/**
 * Format checks for the sandbox bank form (with Stripe configured, Stripe's own onboarding checks
 * the account). Only the last four characters are ever kept.
 */
export type BankAccountCheck =
  { ok: true; last4: string; kind: 'iban' | 'account number' } | { ok: false; message: string }

/** IBAN check digits (ISO 13616): move the first four characters to the end, letters to numbers, mod 97 must be 1. */
export function isValidIban(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false
  const rearranged = `${iban.slice(4)}${iban.slice(0, 4)}`
  let remainder = 0
  for (const char of rearranged) {
    const value = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55)
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97
  }
  return remainder === 1
}

/** An IBAN (any country that uses them) or a plain account number of 4 to 17 digits (e.g. US, CA, AU). */
export function checkBankAccount(input: string): BankAccountCheck {
  const cleaned = input.replace(/[\s-]/g, '').toUpperCase()
  if (/^[A-Z]{2}/.test(cleaned)) {
    if (!isValidIban(cleaned))
      return {
        ok: false,
        message: 'That IBAN is not valid: check the letters and digits (its check digits do not match).',
      }
    return { ok: true, last4: cleaned.slice(-4), kind: 'iban' }
  }
  if (!/^\d{4,17}$/.test(cleaned))
    return {
      ok: false,
      message: 'Enter an IBAN (e.g. DE89 3704 0044 0532 0130 00) or an account number of 4 to 17 digits.',
    }
  return { ok: true, last4: cleaned.slice(-4), kind: 'account number' }
}

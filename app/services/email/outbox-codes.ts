/**
 * One-time codes in the offline outbox. Without SMTP_URL (or Twilio) every email and text is kept
 * for admins to read, so an admin could read another admin's sign-in code, or anyone's reset code,
 * and use it. Each admin sees the codes sent to their own address or phone only; in other people's
 * messages the code is masked, and the rest of the message stays readable.
 *
 * A message carries a code exactly when its body has an erasure time (`expiresAt`, the code's own
 * expiry: mailer.server `secret`, sms.server). The codes are 6 digits (sign-in, sign-up, security
 * and confirmation codes, texts) or 8 (password resets): every run of 6 to 8 digits is masked.
 */
const CODE_DIGITS = /(?<!\d)\d{6,8}(?!\d)/g

export const MASKED_CODE = '••••••'

export function withCodesMasked(text: string): string {
  return text.replace(CODE_DIGITS, MASKED_CODE)
}

/** Whether the message carries a code and went to someone other than the reader (by email or phone). */
export function hidesCodeFrom(
  message: { to: string; expiresAt: Date | null },
  readerAddresses: readonly (string | null | undefined)[],
): boolean {
  if (!message.expiresAt) return false
  const to = message.to.trim().toLowerCase()
  return !readerAddresses.some((address) => address && address.trim().toLowerCase() === to)
}

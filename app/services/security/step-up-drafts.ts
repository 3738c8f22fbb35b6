import { MINUTE_MS } from '~/domain/durations'

/** Long enough to receive and type a code (which lives 10 minutes), short enough not to linger. */
export const DRAFT_LIFETIME_MS = 15 * MINUTE_MS

/** Fields never kept, whatever the form: passwords, codes, tokens (a CSRF token among them), secrets. */
const SECRET_FIELD = /password|passcode|code|otp|token|csrf|secret|nonce/i

/** Far more than an admin form's written reason needs; a larger draft is not kept at all. */
const MAX_DRAFT_CHARS = 20_000

export type DraftFields = Record<string, string | string[]>

/**
 * What of a form is kept while its sender confirms a second factor: its typed text and choices, not
 * its files nor any field whose name says it holds a secret. Null when nothing is left or it is too large.
 */
export function draftFieldsOf(formData: FormData): DraftFields | null {
  const fields: DraftFields = {}
  let size = 0
  for (const [name, value] of formData) {
    if (typeof value !== 'string' || SECRET_FIELD.test(name)) continue
    size += name.length + value.length
    const earlier = fields[name]
    fields[name] = earlier === undefined ? value : [...(Array.isArray(earlier) ? earlier : [earlier]), value]
  }
  if (size > MAX_DRAFT_CHARS || Object.keys(fields).length === 0) return null
  return fields
}

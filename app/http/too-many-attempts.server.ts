import type { SubmissionResult } from '@conform-to/react'
import { json } from '~/http/json.server'
import type { Throttled } from '~/services/security/throttle.server'
import { formError } from './form-error.server'

export function retryAfterHeaders(error: Throttled): HeadersInit {
  return { 'Retry-After': String(error.retryAfterSeconds) }
}

/**
 * The one answer to a throttled form: 429, Retry-After, and the wait as the form's own error, so
 * every page shows it where it shows any other form error (FormAlert). Pass `reply` to keep what
 * conform should put back in the form (e.g. the email typed, never the password), wrapped as the
 * page's other answers are when it answers more than the form's result.
 */
export function tooManyAttempts<Reply = SubmissionResult>(
  error: Throttled,
  reply: (formErrors: string[]) => Reply = ([message]) => formError(message!) as Reply,
) {
  return json(reply([error.message]), { status: 429, headers: retryAfterHeaders(error) })
}

import { DomainError, type Refusal, type RefusalReason } from '~/services/domain-errors'
import { Throttled } from '~/services/security/throttle.server'
import { retryAfterHeaders } from './too-many-attempts.server'

/** The one place a service's refusal becomes an HTTP status (see services/domain-errors.ts). */
const STATUS = {
  invalid: 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  throttled: 429,
  'provider-failed': 502,
  unavailable: 503,
  'too-large': 413,
} as const satisfies Record<RefusalReason, number>

export type StatusOf<Reason extends RefusalReason> = (typeof STATUS)[Reason]

export function statusOf<Reason extends RefusalReason>(refusal: { reason: Reason }): StatusOf<Reason> {
  return STATUS[refusal.reason]
}

/** The page a refusal ends on: its message as the body, which the error boundary shows. */
export function refusalResponse(refusal: Refusal | DomainError): Response {
  const headers: HeadersInit = refusal instanceof Throttled ? retryAfterHeaders(refusal) : {}
  return new Response(refusal.message, { status: STATUS[refusal.reason], headers })
}

/**
 * Wraps a loader or action so a DomainError thrown by a service becomes its Response (the error
 * boundary renders it with the right status); anything else is rethrown untouched (a 500 is a bug).
 * Mark the call in a route with a `@__PURE__` comment: it lets the browser build drop the call,
 * whose module (.server) is empty there — without the mark the page's JS fails to load.
 */
export function answerDomainErrors<Args extends unknown[], Result>(
  handler: (...args: Args) => Promise<Result>,
): (...args: Args) => Promise<Result> {
  return async (...args) => {
    try {
      return await handler(...args)
    } catch (error) {
      if (error instanceof DomainError) throw refusalResponse(error)
      throw error
    }
  }
}

import { DomainError, type DomainErrorReason } from '~/services/domain-errors'
import { Throttled } from '~/services/security/throttle.server'
import { retryAfterHeaders } from './too-many-attempts.server'

/** The one place a service's refusal becomes an HTTP status (see services/domain-errors.ts). */
const STATUS: Record<DomainErrorReason, number> = {
  invalid: 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  throttled: 429,
}

/** The response for a refusal: its message as the body, which the error boundary shows. */
export function domainErrorResponse(error: DomainError): Response {
  const headers: HeadersInit = error instanceof Throttled ? retryAfterHeaders(error) : {}
  return new Response(error.message, { status: STATUS[error.reason], headers })
}

/**
 * Wraps a loader or action so a refusal thrown by a service becomes its Response (the error
 * boundary renders it with the right status); anything else is rethrown untouched (a 500 is a bug).
 */
export function answerDomainErrors<Args extends unknown[], Result>(
  handler: (...args: Args) => Promise<Result>,
): (...args: Args) => Promise<Result> {
  return async (...args) => {
    try {
      return await handler(...args)
    } catch (error) {
      if (error instanceof DomainError) throw domainErrorResponse(error)
      throw error
    }
  }
}

/**
 * How a service says no. The one convention: a service that refuses throws a DomainError (never an
 * HTTP Response); what it returns is always the success. `reason` says what kind of refusal it
 * is and `message` is shown to the person as written. Routes never branch on these by hand:
 * `answerDomainErrors` (app/http/outcome-response.server.ts) turns each reason into its status.
 * A form's own field messages are not refusals: those stay in the return value the page renders.
 */
export type DomainErrorReason = 'not-found' | 'forbidden' | 'conflict' | 'invalid' | 'throttled'

export class DomainError extends Error {
  constructor(
    readonly reason: DomainErrorReason,
    message: string,
  ) {
    super(message)
  }
}

/** Unknown, or someone else's: the two look the same so nobody learns what exists. */
export class NotFound extends DomainError {
  constructor(message = 'Not found') {
    super('not-found', message)
  }
}

/** A state machine refused the move; the message says what is allowed instead. */
export class Conflict extends DomainError {
  constructor(message: string) {
    super('conflict', message)
  }
}

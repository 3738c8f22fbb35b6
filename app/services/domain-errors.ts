/**
 * How a service says no — the one convention between services and routes. A service never builds
 * an HTTP Response. When the page goes on (a form shows the message, perhaps beside `field`), it
 * returns a Refusal in its outcome: `{ ok: true, ... } | Refusal`. When the request cannot go on
 * (a `require…` guard: not found, not yours), it throws a DomainError carrying the same reason.
 * Either way `reason` says what kind of no it is and `message` is shown as written; routes turn
 * reasons into statuses only through app/http/outcome-response.server.ts.
 */
export type RefusalReason =
  | 'invalid'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'throttled'
  /** A payment or other provider answered with an error. */
  | 'provider-failed'
  /** Something the action needs (e.g. a rate) is not available now. */
  | 'unavailable'
  /** What was sent would take something past its size limit. */
  | 'too-large'

export type Refusal<Reason extends RefusalReason = RefusalReason, Field extends string = string> = {
  ok: false
  reason: Reason
  message: string
  field?: Field
}

export class DomainError extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message)
  }
}

/**
 * A sum of money past Number.MAX_SAFE_INTEGER minor units, where a JavaScript number stops being
 * exact: refused (400) rather than rounded. The forms' limits (utils/money.ts) keep every typed
 * amount far below it; this is the last guard in the money arithmetic itself.
 */
export class AmountTooLarge extends DomainError {
  constructor(message = 'That amount is too large for MegiLance to handle exactly. Use a smaller amount.') {
    super('invalid', message)
  }
}

/** The exact integer `value`, or AmountTooLarge when it is past Number.MAX_SAFE_INTEGER. */
export function exactMinor(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new AmountTooLarge()
  return Number(value)
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

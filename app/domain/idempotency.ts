/**
 * An idempotency key stands for one request and what it meant: repeating the same request with its
 * key returns the first answer without moving money again, but the same key with a different
 * meaning (another amount, method, account…) is a different request and is refused, never answered
 * with the first one. Every keyed money action (a payout request, each ledger movement) compares
 * its meaning here.
 */

/** The fields that give a request its meaning, by name. */
export type RequestMeaning = Readonly<Record<string, string | number | boolean | null>>

/** The names of the fields whose values differ between the first request and this one (none: the same request). */
export function differingFields(first: RequestMeaning, again: RequestMeaning): string[] {
  const names = new Set([...Object.keys(first), ...Object.keys(again)])
  return [...names].filter((name) => (first[name] ?? null) !== (again[name] ?? null)).sort()
}

/** What a person reads when a form's key was already used for something else (`firstWas`: "a payout of $50.00 to …"). */
export function keyReusedMessage(firstWas: string): string {
  return `This request was already used for ${firstWas}; nothing else was done. Reload the page and try again.`
}

/** A repeated key whose request meant something else; nothing of the second request was done. */
export class IdempotencyKeyReused extends Error {
  constructor(
    readonly key: string,
    readonly fields: string[],
  ) {
    super(`The idempotency key ${key} was already used for a request with other ${fields.join(', ')}.`)
  }
}

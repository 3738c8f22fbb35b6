/**
 * What a one-line text (a name, a title) never holds: line breaks and the other control characters,
 * and the bidirectional overrides and isolates that show text in another order than it is stored.
 * In a name they only serve to forge what surrounds it: a line break in a name writes new
 * paragraphs into every email that greets its owner by name ("Hello Eve,\n\nYour payout is on hold…").
 */
const NOT_ON_ONE_LINE = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u
const NOT_ON_ONE_LINE_RUNS =
  /\s*[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069][\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069\s]*/gu

/** Whether the text fits on one line as it is shown: no line breaks, control or direction characters. */
export function isOneLine(text: string): boolean {
  return !NOT_ON_ONE_LINE.test(text)
}

/**
 * The text on one line: each run of line breaks, control and direction characters becomes one space.
 * For what was stored before forms refused them, where a one-line value is written into a message.
 */
export function asOneLine(text: string): string {
  return text.replace(NOT_ON_ONE_LINE_RUNS, ' ').trim()
}

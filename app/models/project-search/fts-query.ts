const MAX_TOKENS = 8
const MAX_TOKEN_LENGTH = 40
const PLAIN_SNIPPET_CHARS = 180
/** How much of a description plainSnippet needs: one character more than it keeps shows it was cut. */
export const PLAIN_SNIPPET_SOURCE_CHARS = PLAIN_SNIPPET_CHARS + 1

/**
 * Turns free text into a safe FTS5 MATCH expression, or null when there is nothing to search.
 * Each whitespace-separated word becomes a quoted phrase of its letters and digits ("node.js" →
 * "node js"), so no FTS5 operator or syntax in the input has any effect; all words must match,
 * and the last one also matches as a prefix (typing "dash" finds "dashboard").
 */
export function toFtsQuery(input: string | undefined | null): string | null {
  if (!input) return null
  const phrases: string[] = []
  for (const word of input.normalize('NFKC').split(/\s+/u)) {
    const tokens = word.match(/[\p{L}\p{N}\p{M}]+/gu)
    if (!tokens) continue
    phrases.push(tokens.map((token) => token.slice(0, MAX_TOKEN_LENGTH)).join(' '))
    if (phrases.length === MAX_TOKENS) break
  }
  if (!phrases.length) return null
  return phrases.map((phrase, i) => `"${phrase}"${i === phrases.length - 1 ? '*' : ''}`).join(' ')
}

export function isFtsError(error: unknown): boolean {
  return error instanceof Error && /fts5|match/i.test(error.message)
}

/** The start of a description, cut at a word, for rows the text search did not mark up. */
export function plainSnippet(text: string): string {
  if (text.length <= PLAIN_SNIPPET_CHARS) return text
  const cut = text.slice(0, PLAIN_SNIPPET_CHARS)
  const space = cut.lastIndexOf(' ')
  return `${space > PLAIN_SNIPPET_CHARS / 2 ? cut.slice(0, space) : cut}…`
}

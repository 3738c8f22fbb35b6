import pluralize from 'pluralize'

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
 *
 * A word also matches its other number ("developers" finds "developer", "site" finds "sites"), and
 * `synonyms` (a lower-case word → other names for it, e.g. "k8s" → "Kubernetes", from the skills
 * taxonomy) adds those names as alternatives: either form of the word is enough.
 */
export function toFtsQuery(
  input: string | undefined | null,
  synonyms: Readonly<Record<string, readonly string[]>> = {},
): string | null {
  if (!input) return null
  const words: { typed: string[]; names: string[] }[] = []
  for (const word of input.normalize('NFKC').split(/\s+/u)) {
    const phrase = phraseOf(word)
    if (!phrase) continue
    // A one-letter name ("C#" is the token "c") would match far too much.
    const names = (synonyms[word.toLowerCase()] ?? []).map(phraseOf).filter((name) => name && name.length > 1)
    words.push({ typed: [phrase, ...otherNumber(phrase)], names: names as string[] })
    if (words.length === MAX_TOKENS) break
  }
  if (!words.length) return null
  const groups = words.map(({ typed, names }, i) => {
    const last = i === words.length - 1
    const [phrase, ...others] = typed
    // The last word as typed matches as a prefix ("dash"* finds "dashboard", "developer"* finds
    // "developers"); its singular, and a skill's other name, only as whole words ("golang" finds
    // "go", not "google"; "docs" finds "doc", not "docker").
    const forms = last
      ? [`"${phrase}"*`, ...others.filter((o) => !o.startsWith(phrase!)).map((o) => `"${o}"`)]
      : typed.map((t) => `"${t}"`)
    const quoted = [...new Set([...forms, ...names.map((n) => `"${n}"`)])]
    return quoted.length === 1 ? quoted[0]! : `(${quoted.join(' OR ')})`
  })
  // FTS5 needs AND written out after a parenthesised group; between plain phrases it is implied.
  return groups.reduce((query, group, i) => {
    if (!i) return group
    return `${query}${group.startsWith('(') || groups[i - 1]!.startsWith('(') ? ' AND ' : ' '}${group}`
  }, '')
}

function phraseOf(word: string): string | null {
  const tokens = word.normalize('NFKC').match(/[\p{L}\p{N}\p{M}]+/gu)
  return tokens ? tokens.map((token) => token.slice(0, MAX_TOKEN_LENGTH)).join(' ') : null
}

/**
 * The plural of a singular word and the singular of a plural one (pluralize: regular endings and the
 * irregular ones, "people" ↔ "person", "analyses" ↔ "analysis"). Only words of four or more letters:
 * shorter ones are mostly names and acronyms ("aws", "css", "ios"), not plurals.
 */
function otherNumber(phrase: string): string[] {
  if (phrase.length < 4 || !/^\p{L}+$/u.test(phrase)) return []
  const lower = phrase.toLowerCase()
  const other =
    pluralize.isPlural(lower) && !pluralize.isSingular(lower) ? pluralize.singular(lower) : pluralize.plural(lower)
  return other === lower ? [] : [other]
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

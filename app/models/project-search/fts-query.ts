import pluralize from 'pluralize'

/** The most words a search reads. */
export const MAX_TOKENS = 8
const MAX_TOKEN_LENGTH = 40
/**
 * The last word matches as a prefix only from this many letters: "a"* expands to every word
 * starting with a, and ranking every project that has one took 1.6 s of a core on the large seed
 * (the whole word "a": 0.4 s), a cheap way to tie up the server and no help to anyone searching.
 */
const MIN_PREFIX_LENGTH = 2
const PLAIN_SNIPPET_CHARS = 180
/** How much of a description plainSnippet needs: one character more than it keeps shows it was cut. */
export const PLAIN_SNIPPET_SOURCE_CHARS = PLAIN_SNIPPET_CHARS + 1

/** The most words one slash joins as alternatives ("a/b/c/d"); more are read as one phrase. */
const MAX_ALTERNATIVES = 4

/** The most words a skill's other name spans ("iphone development" → iOS). */
export const MAX_SPAN = 3

/**
 * Turns free text into a safe FTS5 MATCH expression, or null when there is nothing to search.
 * Each whitespace-separated word becomes a quoted phrase of its letters and digits ("node.js" →
 * "node js"), so no FTS5 operator or syntax in the input has any effect; all words must match,
 * and the last one also matches as a prefix (typing "dash" finds "dashboard").
 *
 * A word also matches its other number ("developers" finds "developer", "site" finds "sites"), and
 * `synonyms` (lower-case words → other names for them, e.g. "k8s" → "Kubernetes" or "iphone
 * development" → "iOS", from the skills taxonomy) adds those names as alternatives: either the
 * words as typed or the name is enough. A key of several words matches those words in a row.
 *
 * Words joined by a slash are alternatives, as people mean them ("UI/UX designer", "iOS/Android"):
 * either word matches, each with its own other names.
 */
export function toFtsQuery(
  input: string | undefined | null,
  synonyms: Readonly<Record<string, readonly string[]>> = {},
): string | null {
  if (!input) return null
  const typed = input
    .normalize('NFKC')
    .split(/\s+/u)
    .filter((word) => phraseOf(word))
    .slice(0, MAX_TOKENS)
  if (!typed.length) return null
  const groups: string[] = []
  for (let i = 0; i < typed.length;) {
    const span = longestNamedSpan(typed, i, synonyms)
    const words = typed.slice(i, i + span)
    i += span
    const last = i === typed.length
    // A one-letter name ("C", "R") would match far too much.
    const names = (synonyms[spanKey(words)] ?? []).map(phraseOf).filter((name) => name && name.length > 1)
    // Words that name something are whole words: "java" is not the start of "javascript".
    const wordGroups = words.map((word, j) => wordGroup(word, last && j === words.length - 1 && !names.length))
    const quotedNames = names.map((name) => `"${name}"`)
    const choices = span === 1 ? slashAlternatives(words[0]!) : []
    if (choices.length) {
      const alternatives = choices.flatMap((choice) => [
        ...wordGroup(choice, last && !synonyms[spanKey([choice])]),
        ...(synonyms[spanKey([choice])] ?? [])
          .map(phraseOf)
          .filter((name) => name && name.length > 1)
          .map((name) => `"${name}"`),
      ])
      groups.push(`(${distinct(alternatives).join(' OR ')})`)
    } else if (span === 1) {
      const alternatives = distinct([...wordGroups[0]!, ...quotedNames])
      groups.push(alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' OR ')})`)
    } else {
      // The words in a row, or the skill's name: ((a AND b) OR "name").
      const allWords = wordGroups.map((forms) => (forms.length === 1 ? forms[0]! : `(${forms.join(' OR ')})`))
      groups.push(`((${allWords.join(' AND ')}) OR ${quotedNames.join(' OR ')})`)
    }
  }
  // FTS5 needs AND written out after a parenthesised group; between plain phrases it is implied.
  return groups.reduce((query, group, i) => {
    if (!i) return group
    return `${query}${group.startsWith('(') || groups[i - 1]!.startsWith('(') ? ' AND ' : ' '}${group}`
  }, '')
}

/** The phrases once each, whatever their case ("java" and the skill's "Java"). */
function distinct(phrases: string[]): string[] {
  const seen = new Set<string>()
  return phrases.filter((phrase) => {
    const key = phrase.toLowerCase()
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** How many words from `start` the longest key of `synonyms` spans (1 when none of several does). */
function longestNamedSpan(
  typed: readonly string[],
  start: number,
  synonyms: Readonly<Record<string, readonly string[]>>,
): number {
  for (let span = Math.min(MAX_SPAN, typed.length - start); span > 1; span -= 1) {
    const names = synonyms[spanKey(typed.slice(start, start + span))]
    if (names?.some((name) => (phraseOf(name)?.length ?? 0) > 1)) return span
  }
  return 1
}

/**
 * The words a slash joins ("UI/UX" → UI, UX), when each has a letter and two characters or more;
 * otherwise none, and the word is one phrase as before ("24/7", "C/C++", "node.js").
 */
export function slashAlternatives(word: string): string[] {
  if (!word.includes('/')) return []
  const parts = word.split('/').filter(Boolean)
  const usable =
    parts.length > 1 &&
    parts.length <= MAX_ALTERNATIVES &&
    parts.every((part) => /\p{L}/u.test(part) && (phraseOf(part)?.length ?? 0) > 1)
  return usable ? [...new Set(parts)] : []
}

/** How a run of typed words is looked up in `synonyms`: lower case, one space between. */
export function spanKey(words: readonly string[]): string {
  return words.join(' ').toLowerCase()
}

/**
 * The quoted forms of one typed word. The last word as typed matches as a prefix ("dash"* finds
 * "dashboard", "developer"* finds "developers") unless it ends in a single letter; its singular
 * only as a whole word ("docs" finds "doc", not "docker").
 */
function wordGroup(word: string, last: boolean): string[] {
  const phrase = phraseOf(word)!
  const others = otherNumber(phrase)
  const lastToken = phrase.slice(phrase.lastIndexOf(' ') + 1)
  return last && [...lastToken].length >= MIN_PREFIX_LENGTH
    ? [`"${phrase}"*`, ...others.filter((o) => !o.startsWith(phrase)).map((o) => `"${o}"`)]
    : [phrase, ...others].map((t) => `"${t}"`)
}

function phraseOf(word: string): string | null {
  // "#" and "+" after a word are part of it, as the index reads them (tokenchars): "C#", "C++".
  const tokens = word.normalize('NFKC').match(/[\p{L}\p{N}\p{M}]+[#+]*/gu)
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

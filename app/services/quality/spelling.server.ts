/**
 * Spelling with Hunspell's English dictionary (nspell + dictionary-en). The personal dictionary is
 * the skills taxonomy: every word of every skill name and synonym ("Kubernetes", "k8s", "Figma"), so
 * the trade's own words are not called misspellings. Words with digits, internal capitals
 * ("GraphQL") or all capitals (acronyms), and web addresses are not checked.
 */
import dictionary from 'dictionary-en'
import nspell from 'nspell'
import { SKILL_ENTRIES } from '~/services/marketplace/skills-taxonomy'

export type Misspelling = { word: string; suggestions: string[] }

/** A text's unknown words are named this far. */
const MAX_REPORTED = 8

/**
 * nspell tries edit after edit of a word it does not know, synchronously: a few milliseconds for a
 * misspelt word, 70–400 ms of a core for a made-up one ("zzqx"), while the server process answers
 * nobody else. So one request (a search, one press of Check) gets suggestions for a few words within
 * a few tens of milliseconds (the clock starts at the first suggestion, once the dictionary is
 * loaded); past either, unknown words are still named, without suggestions.
 */
export class SuggestionAllowance {
  private wordsLeft: number
  private until: number | null = null

  constructor(
    words: number,
    private readonly ms: number,
  ) {
    this.wordsLeft = words
  }

  suggest(word: string): string[] {
    const spell = getChecker()
    this.until ??= performance.now() + this.ms
    if (this.wordsLeft <= 0 || performance.now() >= this.until || word.length > MAX_WORD_LENGTH) return []
    this.wordsLeft -= 1
    return spell.suggest(word)
  }
}

/** What one press of Check may spend on suggestions, over all the form's texts. */
export function checkSuggestionAllowance(): SuggestionAllowance {
  return new SuggestionAllowance(5, 100)
}

let checker: ReturnType<typeof nspell> | null = null

/** The words of the taxonomy's names and synonyms, as they are spelt and in lower case. */
export function taxonomyWords(): Set<string> {
  const words = new Set<string>()
  for (const entry of SKILL_ENTRIES) {
    for (const spelling of [entry.name, ...entry.synonyms]) {
      for (const word of spelling.split(/[^\p{L}']+/u)) {
        if (word.length < 2) continue
        words.add(word)
        words.add(word.toLowerCase())
      }
    }
  }
  return words
}

function getChecker() {
  if (!checker) {
    checker = nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) })
    for (const word of taxonomyWords()) checker.add(word)
  }
  return checker
}

/**
 * Past this many letters a "word" is not a misspelling anyone made, and nspell's suggestions for it
 * grow out of hand: 1.7 s for 200 letters, 22 s and 1.1 GB for 800, and 10,000 (which a project
 * description may hold) ran the server process out of memory.
 */
const MAX_WORD_LENGTH = 30

/** Words a spelling checker should leave alone: acronyms, camelCase names, words with digits, runs too long to be words. */
function skipped(word: string): boolean {
  return (
    /\d/.test(word) ||
    /^[A-Z]+s?$/.test(word) ||
    /[a-z][A-Z]/.test(word) ||
    word.length < 2 ||
    word.length > MAX_WORD_LENGTH
  )
}

/** The text's unknown words (each once, in order) with up to three suggested spellings, while `allowance` lasts. */
export function findMisspellings(
  text: string,
  allowance: SuggestionAllowance = checkSuggestionAllowance(),
): Misspelling[] {
  const spell = getChecker()
  // Links and addresses are left alone: every whitespace-separated piece holding "@", "://" or "www."
  // goes. (A pattern for addresses, \S+@\S+\.\S+, backtracked: 10,000 characters of "a@a@" took minutes.)
  const plain = text
    .split(/\s+/)
    .filter((piece) => !/@|:\/\/|(?:^|\W)www\./i.test(piece))
    .join(' ')
  const seen = new Set<string>()
  const found: Misspelling[] = []
  for (const match of plain.matchAll(/\p{L}+(?:['’]\p{L}+)*/gu)) {
    const word = match[0].replace(/’/g, "'")
    const key = word.toLowerCase()
    if (seen.has(key) || skipped(word)) continue
    seen.add(key)
    if (spell.correct(word)) continue
    found.push({ word, suggestions: allowance.suggest(word).slice(0, 3) })
    if (found.length >= MAX_REPORTED) break
  }
  return found
}

/** Whether the dictionary (with the taxonomy's words) knows a word as typed or in lower case. */
export function isDictionaryWord(word: string): boolean {
  const spell = getChecker()
  return spell.correct(word) || spell.correct(word.toLowerCase())
}

/**
 * Other spellings of one word the dictionary does not know ("dashbord" → "dashboard"), best first;
 * none for a known word or one the checker leaves alone (acronyms, names with digits).
 */
export function spellingAlternatives(word: string, allowance: SuggestionAllowance, limit = 4): string[] {
  // Only a word of letters ("(((" would be offered "a", "b", "c"; "UI/UX" was offered "lInUX"), and only
  // alternatives of three letters or more: a search corrected to "a" or "be" helps nobody, and counting
  // one reads every project.
  if (skipped(word) || !/^\p{L}+(?:['’-]\p{L}+)*$/u.test(word)) return []
  if (getChecker().correct(word)) return []
  return allowance
    .suggest(word)
    .filter((alternative) => alternative.length >= 3)
    .slice(0, limit)
}

/**
 * The checks of the "Check" button that need no database: length for the field, reading grade, and
 * whether a text speaks to the skills it should. Each finding is a sentence a person can act on.
 */
import readability from 'text-readability'

type QualityKind = 'spelling' | 'readability' | 'length' | 'specificity' | 'templated'
export type Suggestion = { field: string; kind: QualityKind; message: string }
export type TextFact = { field: string; words: number; grade: number | null }
/** What the Check button returns: the suggestions, and each text's length and reading grade. */
export type QualityReport = { suggestions: Suggestion[]; facts: TextFact[] }

/** How long a field's text is useful: under `minWords` it says too little, over `maxWords` few read it all. */
export type LengthRule = { minWords: number; maxWords: number }

export const LENGTH_RULES = {
  coverLetter: { minWords: 60, maxWords: 400 },
  projectTitle: { minWords: 3, maxWords: 14 },
  projectDescription: { minWords: 40, maxWords: 800 },
  headline: { minWords: 3, maxWords: 14 },
  bio: { minWords: 40, maxWords: 400 },
} satisfies Record<string, LengthRule>

/** Above this grade most readers slow down; plain business writing sits around 8–10. */
const MAX_GRADE = 12
/** The grade formula says little about a few sentences. */
const MIN_WORDS_FOR_GRADE = 30

function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word))
}

export function checkLength(field: string, text: string, rule: LengthRule): Suggestion[] {
  const count = wordsOf(text).length
  if (!count) return [{ field, kind: 'length', message: `${field} is empty.` }]
  if (count < rule.minWords)
    return [
      {
        field,
        kind: 'length',
        message: `${field} is short (${count} ${count === 1 ? 'word' : 'words'}); ${rule.minWords} or more usually say enough.`,
      },
    ]
  if (count > rule.maxWords)
    return [
      {
        field,
        kind: 'length',
        message: `${field} is long (${count} words); most readers stop after about ${rule.maxWords}. Keep what matters most.`,
      },
    ]
  return []
}

/** The Flesch–Kincaid grade, one decimal; null when the text is too short for the formula to mean much. */
export function readingGrade(text: string): number | null {
  if (wordsOf(text).length < MIN_WORDS_FOR_GRADE) return null
  return Math.round(readability.fleschKincaidGrade(text) * 10) / 10
}

export function checkReadability(field: string, text: string): Suggestion[] {
  const grade = readingGrade(text)
  if (grade === null || grade <= MAX_GRADE) return []
  return [
    {
      field,
      kind: 'readability',
      message: `${field} reads at school grade ${grade}: hard going. Shorter sentences and plainer words would help (grade 8–10 reads easily).`,
    },
  ]
}

/** One text's length and, when graded, readability, with the facts shown under the form. */
export function checkText(
  field: string,
  text: string,
  rule: LengthRule,
  graded: boolean,
): { suggestions: Suggestion[]; fact: TextFact } {
  return {
    suggestions: [...checkLength(field, text, rule), ...(graded ? checkReadability(field, text) : [])],
    fact: { field, words: wordsOf(text).length, grade: graded ? readingGrade(text) : null },
  }
}

/**
 * Which of the wanted skills a text speaks to: a skill is covered when one the text names or means
 * is that skill or close to it in meaning (`similarity` at least `closeEnough`).
 */
export function uncoveredSkills(
  wanted: readonly string[],
  inText: readonly string[],
  similarity: (a: string, b: string) => number,
  closeEnough = 0.8,
): string[] {
  return wanted.filter((skill) => !inText.some((found) => found === skill || similarity(skill, found) >= closeEnough))
}

function listed(names: readonly string[], last = 'and'): string {
  const quoted = names.map((name) => `“${name}”`)
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} ${last} ${quoted.at(-1)}` : (quoted[0] ?? '')
}

export function checkSkillsSpokenTo(field: string, uncovered: readonly string[], whose: string): Suggestion[] {
  if (!uncovered.length) return []
  return [
    {
      field,
      kind: 'specificity',
      message: `${field} does not mention ${listed(uncovered)}, which ${whose}. Say what you have done with ${uncovered.length === 1 ? 'it' : 'them'}.`,
    },
  ]
}

// Words too common to show what a project is about ("need a website for our shop").
const COMMON_WORDS = new Set(
  'about after also and build building create for from have help into looking need needed needs our project some that the their them this want wanted website with work would your'.split(
    ' ',
  ),
)

function stem(word: string): string {
  return word.toLowerCase().replace(/(?:ies|es|s)$/, '')
}

/** The project title's telling words (its deliverables) that the letter never uses. */
function deliverablesNotMentioned(title: string, letter: string): string[] {
  const letterStems = new Set(
    letter
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .map(stem),
  )
  const telling = [
    ...new Set(
      title
        .split(/[^\p{L}\p{N}]+/u)
        .filter((word) => word.length >= 4 && !COMMON_WORDS.has(word.toLowerCase()))
        .map((word) => word.toLowerCase()),
    ),
  ]
  if (!telling.length) return []
  return telling.some((word) => letterStems.has(stem(word))) ? [] : telling
}

export function checkDeliverables(field: string, title: string, letter: string): Suggestion[] {
  const missing = deliverablesNotMentioned(title, letter)
  if (!missing.length) return []
  return [
    {
      field,
      kind: 'specificity',
      message: `${field} never mentions what the project asks for (${listed(missing)}). Say how you would deliver it.`,
    },
  ]
}

export function spellingSuggestion(field: string, word: string, suggestions: readonly string[]): Suggestion {
  const better = suggestions.length ? ` — did you mean ${listed(suggestions, 'or')}?` : '.'
  return { field, kind: 'spelling', message: `“${word}” may be misspelt${better}` }
}

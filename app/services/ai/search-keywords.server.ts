/**
 * What the searches (Find work, Find talent, their alerts) look for in what someone typed:
 * - the skills it names, in one to three words ("k8s", "react native", "iphone development") or as
 *   the person who does the work ("logo designer" → Logo Design, "project manager" → Project
 *   Management), as other names the search accepts; a word naming a skill is matched whole, so
 *   "java" does not find "javascript";
 * - a misspelt skill ("pyhton", "kubernets", "logo desing") as that skill too, when the dictionary
 *   does not know the word;
 * - without the words of asking ("I need someone for…", "looking for", "the best") and the titles
 *   anyone doing the work may or may not write ("developer", "expert", "specialist"): every word a
 *   search keeps must be found, and a project for "python developer" often says "Python" and never
 *   "developer". Words inside a skill's name stay ("voice over", "full stack"), and when nothing but
 *   such words was typed, all of them are searched.
 */
import pluralize from 'pluralize'
import model from 'wink-eng-lite-web-model'
import winkNLP from 'wink-nlp'
import { MAX_SPAN, MAX_TOKENS, slashAlternatives, spanKey } from '~/models/project-search/fts-query'
import { findSkill, type SkillEntry } from '~/services/marketplace/skills-taxonomy'
import { isDictionaryWord } from '~/services/quality/spelling.server'
import { skillsMisspelt } from './semantic-skills.server'

export type SearchKeywords = {
  /** The words to search for (undefined: none). */
  q: string | undefined
  /** Lower-case words and runs of words → the skill names they stand for (spanKey's form). */
  qSynonyms: Record<string, string[]>
}

/** Words of asking, not of the work: a search for "looking for someone to design a logo" is "design logo". */
const ASKING_WORDS = new Set(
  'need needed needs looking want wanted hire hiring someone somebody anyone help best good great top experienced skilled professional senior junior urgent urgently asap please freelance freelancer freelancers'.split(
    ' ',
  ),
)
/** Titles of people doing the work, which the work itself rarely says. */
const TITLE_WORDS = new Set(
  'developer developers engineer engineers expert experts specialist specialists programmer programmers consultant consultants coder coders guru ninja'.split(
    ' ',
  ),
)
/** The work a person's title names ("designer" → "design"), to find the skill "logo designer" means. */
const WORK_OF_TITLE: Record<string, string> = {
  developer: 'development',
  designer: 'design',
  engineer: 'engineering',
  editor: 'editing',
  analyst: 'analysis',
  writer: 'writing',
  manager: 'management',
  tester: 'testing',
  marketer: 'marketing',
  animator: 'animation',
  translator: 'translation',
  researcher: 'research',
  copywriter: 'copywriting',
  photographer: 'photography',
  accountant: 'accounting',
  bookkeeper: 'bookkeeping',
  proofreader: 'proofreading',
  administrator: 'administration',
  illustrator: 'illustration',
  strategist: 'strategy',
}
/** How far a long text is read: the search itself keeps eight words. */
const MAX_WORDS = 30

let stopWords: { nlp: ReturnType<typeof winkNLP> } | null = null

/** A word of no meaning to a search ("a", "for", "my", "with"), by wink's English stop words. */
function isStopWord(word: string): boolean {
  stopWords ??= { nlp: winkNLP(model, []) }
  const { nlp } = stopWords
  return nlp.readDoc(word).tokens().out(nlp.its.stopWordFlag)[0] === true
}

/** The skill a run of typed words names, as written or as the title of the person doing it. */
function skillNamedBy(words: readonly string[]): SkillEntry | undefined {
  const typed = spanKey(words)
  const named = findSkill(typed)
  if (named) return named
  const last = pluralize.singular(words.at(-1)!.toLowerCase())
  const work = WORK_OF_TITLE[last]
  return work ? findSkill(spanKey([...words.slice(0, -1), work])) : undefined
}

function lettersOf(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}]/gu, '')
}

export function searchKeywords(text: string): SearchKeywords {
  const words = text.normalize('NFKC').split(/\s+/u).filter(Boolean).slice(0, MAX_WORDS)
  const qSynonyms: Record<string, string[]> = {}
  const inName = words.map(() => false)
  for (let start = 0; start < words.length; start += 1)
    for (let span = 1; span <= Math.min(MAX_SPAN, words.length - start); span += 1) {
      const run = words.slice(start, start + span)
      const entry = skillNamedBy(run)
      if (!entry) continue
      qSynonyms[spanKey(run)] = [entry.name]
      for (let i = start; i < start + span; i += 1) inName[i] = true
    }
  // Each word of "UI/UX" on its own too: the search takes them as alternatives.
  for (const part of words.flatMap(slashAlternatives)) {
    const entry = findSkill(part)
    if (entry) qSynonyms[spanKey([part])] = [entry.name]
  }
  const searched = words.filter((word, i) => {
    if (inName[i]) return true
    const letters = lettersOf(word)
    return !(ASKING_WORDS.has(letters) || TITLE_WORDS.has(letters) || (letters && isStopWord(letters)))
  })
  const kept = searched.length ? searched : words
  // Only the words the search reads: each costs a look through every skill's spellings.
  addMisspeltSkills(kept.slice(0, MAX_TOKENS), qSynonyms)
  return { q: kept.length ? kept.join(' ') : undefined, qSynonyms }
}

/**
 * A word, or two in a row, that misspells a skill's name ("pyhton", "logo desing") also finds the
 * skill, and the word it was nearest ("illustrater" → "Illustrator", which finds "illustrations").
 */
function addMisspeltSkills(words: readonly string[], qSynonyms: Record<string, string[]>): void {
  const runs = [...words.map((word) => [word]), ...words.slice(1).map((word, i) => [words[i]!, word])]
  for (const run of runs) {
    const key = spanKey(run)
    if (qSynonyms[key] || run.some((word) => qSynonyms[spanKey([word])])) continue
    const skills = skillsMisspelt(run.join(' '), 2, { pairs: false })
    // Only words the dictionary does not know: "rested" is not a misspelt "REST".
    if (skills.length && !run.every(isDictionaryWord))
      qSynonyms[key] = [...new Set(skills.flatMap(({ name, spelling }) => [spelling, name]))]
  }
}

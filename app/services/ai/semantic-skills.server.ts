/**
 * Free text understood in terms of the skills taxonomy. Two passes:
 * 1. synonyms: any run of one to four words that names a skill or one of its synonyms ("k8s",
 *    "react.js", "machine learning") is that skill, with full confidence;
 * 2. meaning: each other word is compared with every skill by the cosine of their word vectors (a
 *    skill's vector is the mean of its name's words), as is the text's mean vector; a skill's score is
 *    its best cosine.
 * Skills below the threshold are left out, so an unrelated word ("banana") suggests nothing. Skill
 * vectors are computed once per process; each word's similarities to all skills are kept in an LRU.
 */
import { LRUCache } from 'lru-cache'
import model from 'wink-eng-lite-web-model'
import winkNLP from 'wink-nlp'
import {
  SKILL_ENTRIES,
  findSkill,
  skillKey,
  type SkillEntry,
  type SkillName,
} from '~/services/marketplace/skills-taxonomy'
import { wordVectors, type WordVectors } from './word-vectors.server'

/** Below this cosine a skill is not suggested (chosen on the unit tests' phrases; "banana" stays under it). */
const SKILL_THRESHOLD = 0.55
/**
 * Two different skills count as related only within one category of the taxonomy, and never as the
 * same skill. Word vectors of several-word names lean on their generic words ("Development",
 * "Design", "Analysis"): "Front-end Development" came out 0.87 from "Business Development" and 1.00
 * from "Back-end Development", "Machine Learning" 0.70 from "Sound Design". Of the 5,955 pairs of
 * skills at 0.55 or more, 5,007 crossed categories, and matching gave a freelancer part of a skill
 * for unrelated ones (a 72/100 recommendation with none of the project's skills). The categories are
 * curated by people, so they keep the vectors to comparing skills of one trade.
 */
const MAX_RELATED_SIMILARITY = 0.9
/** Tokens in the longest name: "retrieval - augmented generation" is four, "node . js" three. */
const MAX_TOKENS_IN_A_NAME = 6

export type SkillSuggestion = { name: SkillName; score: number; via: 'name' | 'meaning' }

function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9+#]+/)
    .filter(Boolean)
}

type Index = {
  vectors: WordVectors
  /** One unit vector per skill (zeros when none of its words has a vector). */
  skills: Float32Array
  nlp: ReturnType<typeof winkNLP>
  /** The first token of every name and synonym: only there can a name begin (saves most look-ups). */
  firstTokens: Set<string>
}

let index: Index | null = null

function buildIndex(): Index {
  const nlp = winkNLP(model, [])
  const stop = (word: string) => nlp.readDoc(word).tokens().out(nlp.its.stopWordFlag)[0] === true
  const namesWords = SKILL_ENTRIES.map((entry) => nameWords(entry.name).filter((word) => !stop(word)))
  const synonymWords = SKILL_ENTRIES.map((entry) => entry.synonyms.flatMap(nameWords).filter((word) => !stop(word)))
  const vectors = wordVectors([...new Set([...namesWords.flat(), ...synonymWords.flat()])].sort())
  const d = vectors.dimensions
  const skills = new Float32Array(SKILL_ENTRIES.length * d)
  SKILL_ENTRIES.forEach((_, s) => {
    // The name's words; a name no vector knows ("PyTorch") falls back to its synonyms' words.
    const known = namesWords[s]!.filter((word) => vectors.rows.has(word))
    const words = known.length ? known : synonymWords[s]!.filter((word) => vectors.rows.has(word))
    if (!words.length) return
    const sum = new Float32Array(d)
    for (const word of words) {
      const row = vectors.rows.get(word)! * d
      for (let k = 0; k < d; k++) sum[k]! += vectors.data[row + k]!
    }
    const norm = Math.hypot(...sum) || 1
    for (let k = 0; k < d; k++) skills[s * d + k] = sum[k]! / norm
  })
  const firstTokens = new Set(
    SKILL_ENTRIES.flatMap((entry) =>
      [entry.name, ...entry.synonyms].map((spelling) => nlp.readDoc(spelling).tokens().out(nlp.its.normal)[0] ?? ''),
    ),
  )
  return { vectors, skills, nlp, firstTokens }
}

function getIndex(): Index {
  index ??= buildIndex()
  return index
}

/** Cosines of one unit vector with every skill. */
function similarities(vector: Float32Array, offset: number, { skills, vectors }: Index): Float32Array {
  const d = vectors.dimensions
  const out = new Float32Array(SKILL_ENTRIES.length)
  for (let s = 0; s < out.length; s++) {
    let dot = 0
    const base = s * d
    for (let k = 0; k < d; k++) dot += vector[offset + k]! * skills[base + k]!
    out[s] = dot
  }
  return out
}

const wordCache = new LRUCache<string, Float32Array>({ max: 5_000 })

function wordSimilarities(word: string, idx: Index): Float32Array | undefined {
  const row = idx.vectors.rows.get(word)
  if (row === undefined) return undefined
  let sims = wordCache.get(word)
  if (!sims) {
    sims = similarities(idx.vectors.data, row * idx.vectors.dimensions, idx)
    wordCache.set(word, sims)
  }
  return sims
}

// Punctuation that ends a run of words; ". - + # / &" stay inside names ("node.js", "c++", "ui/ux").
const BREAKS = /^[,;:!?()[\]{}"'…]+$/

/**
 * The text without its runs of 65 or more characters with no space (no skill's name is that long):
 * the tokenizer's time grows with the square of such a run ("ab-ab-…": 0.6 s for 10,000 characters,
 * 2.3 s for 20,000), and any form with a description could send one.
 */
function withoutLongRuns(text: string): string {
  return text.replace(/\S{65,}/g, ' ')
}

/** Skills the text is about, best first: named ones (score 1), then those near its meaning. */
export function suggestSkills(text: string, { limit = 10, threshold = SKILL_THRESHOLD } = {}): SkillSuggestion[] {
  const idx = getIndex()
  const { its } = idx.nlp
  const tokens = idx.nlp.readDoc(withoutLongRuns(text.slice(0, 20_000))).tokens()
  const words = tokens.out(its.normal)
  const types = tokens.out(its.type)
  const stops = tokens.out(its.stopWordFlag) as unknown as boolean[]

  const named = new Set<SkillEntry>()
  for (let i = 0; i < words.length; i++) {
    let phrase = ''
    if (!idx.firstTokens.has(words[i]!)) continue
    for (let n = 0; n < MAX_TOKENS_IN_A_NAME && i + n < words.length; n++) {
      const word = words[i + n]!
      if (BREAKS.test(word)) break
      phrase = n ? `${phrase} ${word}` : word
      // A lone stop word ("go", "it", "r"…) is not taken for a skill's name.
      if (n === 0 && (stops[i] || types[i] !== 'word')) continue
      const entry = findSkill(phrase)
      if (entry) named.add(entry)
    }
  }

  const d = idx.vectors.dimensions
  const scores = new Float32Array(SKILL_ENTRIES.length)
  const mean = new Float32Array(d)
  const seen = new Set<string>()
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!
    if (stops[i] || types[i] !== 'word' || word.length < 2 || seen.has(word)) continue
    seen.add(word)
    const sims = wordSimilarities(word, idx)
    if (!sims) continue
    for (let s = 0; s < sims.length; s++) if (sims[s]! > scores[s]!) scores[s] = sims[s]!
    const row = idx.vectors.rows.get(word)! * d
    for (let k = 0; k < d; k++) mean[k]! += idx.vectors.data[row + k]!
  }
  if (seen.size > 1) {
    const norm = Math.hypot(...mean) || 1
    for (let k = 0; k < d; k++) mean[k]! /= norm
    const sims = similarities(mean, 0, idx)
    for (let s = 0; s < sims.length; s++) if (sims[s]! > scores[s]!) scores[s] = sims[s]!
  }

  const suggestions: SkillSuggestion[] = []
  SKILL_ENTRIES.forEach((entry, s) => {
    if (named.has(entry)) suggestions.push({ name: entry.name, score: 1, via: 'name' })
    else if (scores[s]! >= threshold) suggestions.push({ name: entry.name, score: scores[s]!, via: 'meaning' })
  })
  return suggestions
    .sort((a, b) => b.score - a.score || (a.via === b.via ? a.name.localeCompare(b.name) : a.via === 'name' ? -1 : 1))
    .slice(0, limit)
}

const relatedCache = new Map<SkillName, SkillSuggestion[]>()

/** The skills nearest in meaning to a chosen one (not itself), best first. */
export function relatedSkills(name: string, { limit = 6, threshold = SKILL_THRESHOLD } = {}): SkillSuggestion[] {
  const entry = findSkill(name)
  if (!entry) return []
  let related = relatedCache.get(entry.name)
  if (!related) {
    const idx = getIndex()
    const s = SKILL_ENTRIES.indexOf(entry)
    const sims = similarities(idx.skills, s * idx.vectors.dimensions, idx)
    related = SKILL_ENTRIES.map((other, i) => ({ name: other.name, score: sims[i]!, via: 'meaning' as const }))
      .filter(
        (other, i) =>
          i !== s && SKILL_ENTRIES[i]!.category === entry.category && other.score >= threshold && other.score < 0.9999,
      )
      .sort((a, b) => b.score - a.score)
      .slice(0, 12)
    relatedCache.set(entry.name, related)
  }
  return related.slice(0, limit)
}

const skillPosition = new Map(SKILL_ENTRIES.map((entry, i) => [entry.name as string, i]))
/** Pairwise similarities, filled on first use (NaN: not computed yet); recommendations ask thousands a request. */
let pairs: Float32Array | null = null

/**
 * The similarity in meaning (cosine, 0–MAX_RELATED_SIMILARITY) of two skills of the same category of
 * the taxonomy; 0 across categories; 1 for the same skill.
 */
export function skillSimilarity(a: string, b: string): number {
  if (a === b) return 1
  const i = skillPosition.get(a)
  const j = skillPosition.get(b)
  if (i === undefined || j === undefined) return 0
  const n = SKILL_ENTRIES.length
  pairs ??= new Float32Array(n * n).fill(Number.NaN)
  const known = pairs[i * n + j]!
  if (!Number.isNaN(known)) return known
  const idx = getIndex()
  const d = idx.vectors.dimensions
  let dot = 0
  for (let k = 0; k < d; k++) dot += idx.skills[i * d + k]! * idx.skills[j * d + k]!
  const sameCategory = SKILL_ENTRIES[i]!.category === SKILL_ENTRIES[j]!.category
  const similarity = sameCategory ? Math.min(MAX_RELATED_SIMILARITY, Math.max(0, dot)) : 0
  pairs[i * n + j] = similarity
  pairs[j * n + i] = similarity
  return pairs[i * n + j]!
}

/** Every name and synonym, as compared (lower case, no separators), with its skill. */
type Spelling = { key: string; name: SkillName; spelling: string }
/** By first letter: a misspelling keeps its first letter. */
let spellings: Map<string, Spelling[]> | null = null

function spellingsStartingWith(letter: string): Spelling[] {
  if (!spellings) {
    spellings = new Map()
    for (const entry of SKILL_ENTRIES)
      for (const spelling of [entry.name, ...entry.synonyms]) {
        const key = skillKey(spelling)
        spellings.set(key[0]!, [...(spellings.get(key[0]!) ?? []), { key, name: entry.name, spelling }])
      }
  }
  return spellings.get(letter) ?? []
}

export type MisspeltSkill = { name: SkillName; /** The name or synonym it was nearest. */ spelling: string }

/**
 * Skills whose name or synonym a word (or two words together) of the text misspells by a letter or
 * two ("pyhton" → Python, "kubernets" → Kubernetes, "logo desing" → Logo Design): one change for 5–7
 * letters, two from 8, and the first letter right. `pairs: false`: the text as one run only.
 */
export function skillsMisspelt(text: string, limit = 3, { pairs = true } = {}): MisspeltSkill[] {
  const words = text.normalize('NFKC').split(/\s+/u).filter(Boolean).slice(0, 8)
  const tried = pairs ? [...words, ...words.slice(1).map((word, i) => `${words[i]} ${word}`)] : [words.join(' ')]
  const found = new Map<SkillName, { distance: number; spelling: string }>()
  for (const typed of tried.map(skillKey)) {
    if (typed.length < 5 || /\d/.test(typed) || findSkill(typed)) continue
    const allowed = typed.length >= 8 ? 2 : 1
    for (const { key, name, spelling } of spellingsStartingWith(typed[0]!)) {
      if (Math.abs(key.length - typed.length) > allowed) continue
      const distance = editDistance(typed, key, allowed)
      if (distance <= allowed && distance < (found.get(name)?.distance ?? Infinity))
        found.set(name, { distance, spelling })
    }
  }
  return [...found]
    .sort((a, b) => a[1].distance - b[1].distance || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([name, { spelling }]) => ({ name, spelling }))
}

/** The skills of skillsMisspelt, for a search that found nothing. */
function skillsSpelledLike(text: string, limit = 3): SkillName[] {
  return skillsMisspelt(text, limit).map((skill) => skill.name)
}

/** Edits (insert, delete, replace, swap two neighbours) from a to b; anything above `cap` is cap + 1. */
function editDistance(a: string, b: string, cap: number): number {
  let before: number[] = []
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1)
      current.push(d)
      best = Math.min(best, d)
    }
    if (best > cap) return cap + 1
    before = previous
    previous = current
  }
  return previous[b.length]!
}

/**
 * Find work's skill links beside the results: skills the keywords name or mean ("frontend engineer",
 * "ML ops"; when the search found nothing, also the skills a word misspells, "pyhton" → Python),
 * and skills near the chosen ones.
 */
export function searchSkillHints(
  q: string,
  chosen: readonly string[],
  found: number,
): { wordSkills: SkillName[]; nearSkills: SkillName[] } {
  const fresh = (names: SkillName[]) => [...new Set(names)].filter((name) => !chosen.includes(name))
  return {
    wordSkills: q
      ? fresh([...(found ? [] : skillsSpelledLike(q)), ...suggestSkills(q, { limit: 5 }).map((s) => s.name)])
      : [],
    nearSkills: fresh(chosen.flatMap((skill) => relatedSkills(skill, { limit: 3 }).map((s) => s.name))).slice(0, 5),
  }
}

/**
 * A templated cover letter: nearly the same text as one the freelancer sent on another project.
 * Letters are compared exactly (Jaccard similarity of their word 3-gram shingles, the same shingles
 * the fraud desk uses); a freelancer has at most a few hundred letters, so no MinHash is needed.
 */
import { shinglesOf } from '~/services/fraud/shingles'

/** At or above this share of shared shingles a letter counts as templated (issue 19: ≥ 0.8). */
export const TEMPLATED_THRESHOLD = 0.8

/** Letters shorter than this many words are too short to call a template. */
const MIN_WORDS = 12

export type LetterMatch = { proposalId: string; similarity: number }

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size && !b.size) return 0
  let shared = 0
  for (const shingle of a) if (b.has(shingle)) shared++
  return shared / (a.size + b.size - shared)
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length
}

/** Each other letter's similarity to this one, most similar first (empty for a very short letter). */
export function compareLetters(letter: string, others: { proposalId: string; coverLetter: string }[]): LetterMatch[] {
  if (wordCount(letter) < MIN_WORDS) return []
  const own = shinglesOf(letter)
  return others
    .filter((other) => wordCount(other.coverLetter) >= MIN_WORDS)
    .map((other) => ({ proposalId: other.proposalId, similarity: jaccard(own, shinglesOf(other.coverLetter)) }))
    .sort((a, b) => b.similarity - a.similarity)
}

export function isTemplated(similarity: number): boolean {
  return similarity >= TEMPLATED_THRESHOLD
}

/**
 * What Find work offers when its keywords found nothing. "Did you mean …": each word the dictionary
 * does not know is replaced by the first of its suggested spellings that open projects use, and the
 * corrected search is offered only when it finds something with the same filters. And the search
 * with one word left out, where that finds something.
 */
import { countProjects } from '~/models/project-search.server'
import { toSearchInput, type SearchParams } from '~/domain/project-search-params'
import { searchKeywords } from '~/services/ai/search-keywords.server'
import { spellingAlternatives, SuggestionAllowance } from '~/services/quality/spelling.server'
import { searchesLessOneWord, type FewerWordsSearch } from './fewer-words'

/** A longer search is corrected this far only. */
const MAX_CORRECTED_WORDS = 3
/**
 * Other spellings are looked for this many words, within this time: a made-up word costs nspell far
 * more than a misspelt one, and a search that finds nothing is anyone's to send (spelling.server.ts).
 */
const SUGGESTED_WORDS = 3
const SUGGESTION_MS = 60

export type SearchCorrection = { q: string; total: number }

function countWith(params: SearchParams, q: string, filtered: boolean) {
  return countProjects({
    ...(filtered ? toSearchInput({ ...params, q }) : { q }),
    ...searchKeywords(q),
  })
}

/** The same search (filters kept) with one of its words left out, where that finds projects. */
export function projectSearchesLessOneWord(params: SearchParams): Promise<FewerWordsSearch[]> {
  return searchesLessOneWord(params.q, (q) => countWith(params, q, true))
}

export async function correctedSearch(params: SearchParams): Promise<SearchCorrection | null> {
  const count = (q: string, filtered: boolean) => countWith(params, q, filtered)
  const words = params.q.split(/\s+/u).filter(Boolean)
  let corrections = 0
  const corrected: string[] = []
  const allowance = new SuggestionAllowance(SUGGESTED_WORDS, SUGGESTION_MS)
  for (const word of words) {
    const alternatives = corrections < MAX_CORRECTED_WORDS ? spellingAlternatives(word, allowance) : []
    let replacement = word
    for (const alternative of alternatives) {
      // Only a spelling some open project uses: the dictionary alone also offers words nobody posts.
      if ((await count(alternative, false)) > 0) {
        replacement = alternative
        corrections += 1
        break
      }
    }
    corrected.push(replacement)
  }
  if (!corrections) return null
  const q = corrected.join(' ')
  const total = await count(q, true)
  return total > 0 ? { q, total } : null
}

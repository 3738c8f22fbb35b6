/**
 * "Did you mean …" for a Find work search whose keywords found nothing: each word the dictionary does
 * not know is replaced by the first of its suggested spellings that open projects use, and the
 * corrected search is offered only when it finds something with the same filters.
 */
import { countProjects } from '~/models/project-search.server'
import { toSearchInput, type SearchParams } from '~/domain/project-search-params'
import { skillNamesForWords } from '~/services/ai/semantic-skills.server'
import { spellingAlternatives } from '~/services/quality/spelling.server'

/** Suggestions cost a few milliseconds a word: a longer search is corrected this far only. */
const MAX_CORRECTED_WORDS = 3

export type SearchCorrection = { q: string; total: number }

export async function correctedSearch(params: SearchParams): Promise<SearchCorrection | null> {
  const count = (q: string, filtered: boolean) =>
    countProjects({
      ...(filtered ? toSearchInput({ ...params, q }) : { q }),
      qSynonyms: skillNamesForWords(q),
    })
  const words = params.q.split(/\s+/u).filter(Boolean)
  let corrections = 0
  const corrected: string[] = []
  for (const word of words) {
    const alternatives = corrections < MAX_CORRECTED_WORDS ? spellingAlternatives(word) : []
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

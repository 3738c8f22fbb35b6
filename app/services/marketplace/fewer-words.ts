/**
 * For a search whose keywords found nothing together: the same search with one word left out, for
 * each of the first few words, kept when it finds something. Fewest found first: leaving out the
 * commonest word keeps what the search was most specifically about. "python developer" finds no
 * freelancer; "python" finds one and "developer" 29, offered in that order.
 */

/** Each leave-one-out search costs a count: only the first words are tried. */
const MAX_WORDS_TRIED = 4
/** How many of the searches that found something are offered. */
const MAX_OFFERED = 3

export type FewerWordsSearch = { left: string; q: string; total: number }

export async function searchesLessOneWord(
  q: string,
  count: (q: string) => Promise<number>,
): Promise<FewerWordsSearch[]> {
  const words = q.split(/\s+/u).filter(Boolean)
  if (words.length < 2) return []
  const found: FewerWordsSearch[] = []
  const tried = new Set<string>()
  for (const [i, left] of words.slice(0, MAX_WORDS_TRIED).entries()) {
    const rest = words.filter((_, j) => j !== i).join(' ')
    if (tried.has(rest)) continue
    tried.add(rest)
    const total = await count(rest)
    if (total > 0) found.push({ left, q: rest, total })
  }
  return found.sort((a, b) => a.total - b.total).slice(0, MAX_OFFERED)
}

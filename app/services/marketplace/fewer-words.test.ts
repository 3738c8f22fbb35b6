import { describe, expect, it } from 'vitest'
import { searchesLessOneWord } from './fewer-words'

describe('searchesLessOneWord', () => {
  const counts: Record<string, number> = { python: 2, developer: 40, 'python developer': 0, remote: 0 }
  const count = async (q: string) => counts[q] ?? 0

  it('offers each word left out that finds something, fewest found (the most specific) first', async () => {
    expect(await searchesLessOneWord('python developer', count)).toEqual([
      { left: 'developer', q: 'python', total: 2 },
      { left: 'python', q: 'developer', total: 40 },
    ])
  })

  it('offers nothing for one word, or when every shorter search finds nothing too', async () => {
    expect(await searchesLessOneWord('python', count)).toEqual([])
    expect(await searchesLessOneWord('remote remote', count)).toEqual([])
  })

  it('tries the first four words only, each shorter search once, and offers three at most', async () => {
    const asked: string[] = []
    const any = async (q: string) => {
      asked.push(q)
      return q.length
    }
    // Leaving out either "x" gives the same search: it is counted once.
    const offered = await searchesLessOneWord('x x y z w v', any)
    expect(asked).toEqual(['x y z w v', 'x x z w v', 'x x y w v'])
    expect(offered.map((search) => search.left)).toEqual(['x', 'y', 'z'])
    asked.length = 0
    expect(await searchesLessOneWord('a b c d e f', any)).toHaveLength(3)
    expect(asked).toHaveLength(4)
  })
})

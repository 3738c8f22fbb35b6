import { describe, expect, it } from 'vitest'
import { minHashOf, nearDuplicateGroups, shinglesOf, similarityOf } from './shingles'

const letter =
  'Hello, I have read your project carefully and I am the right person for it. I have eight years of experience with React and Node and can start today.'

describe('near-duplicate text', () => {
  it('makes word 3-gram shingles, ignoring case and punctuation', () => {
    expect([...shinglesOf('Hello, hello WORLD again!')]).toEqual(['hello hello world', 'hello world again'])
  })

  it('estimates Jaccard similarity from MinHash signatures', () => {
    const a = shinglesOf(letter)
    const b = shinglesOf(letter.replace('Hello,', 'Dear client,'))
    const exact = [...a].filter((s) => b.has(s)).length / new Set([...a, ...b]).size
    expect(Math.abs(similarityOf(minHashOf(a), minHashOf(b)) - exact)).toBeLessThan(0.15)
    expect(
      similarityOf(minHashOf(a), minHashOf(shinglesOf('Something else entirely about gardens and bees'))),
    ).toBeLessThan(0.1)
  })

  it('groups copies with a word changed, and leaves apart letters rewritten for each project', () => {
    const texts = [
      { id: 'a', text: letter },
      { id: 'b', text: letter.replace('Hello,', 'Hi,') },
      { id: 'c', text: letter.replace('today', 'on Monday') },
      {
        id: 'd',
        text: 'For your Shopify store I would first audit the theme, then fix the checkout; last month I did this for a bakery.',
      },
    ]
    expect(nearDuplicateGroups(texts, 0.8)).toEqual([['a', 'b', 'c']])
  })
})

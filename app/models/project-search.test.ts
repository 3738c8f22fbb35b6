import { describe, expect, it } from 'vitest'
import { toFtsQuery } from './project-search/fts-query'

describe('toFtsQuery', () => {
  it('quotes each word and lets the last one match as a prefix', () => {
    expect(toFtsQuery('react dashboard')).toBe('"react" "dashboard"*')
    expect(toFtsQuery('  dash  ')).toBe('"dash"*')
  })

  it('returns null when there is nothing to search', () => {
    expect(toFtsQuery('')).toBeNull()
    expect(toFtsQuery(undefined)).toBeNull()
    expect(toFtsQuery('   ')).toBeNull()
    expect(toFtsQuery('"" * - ^ ( )')).toBeNull()
  })

  it('leaves no FTS5 syntax in: quotes, stars, operators, columns, NEAR', () => {
    expect(toFtsQuery('"react OR')).toBe('"react" "OR"*')
    expect(toFtsQuery('title:react NEAR(a b) -python ^x *')).toBe('"title react" "NEAR a" "b" "python" "x"*')
    expect(toFtsQuery('a"b\'c')).toBe('"a b c"*')
    for (const query of ['"react OR', 'title:react', 'NEAR(a b)', 'x*y', '(a', '{a b}:c']) {
      // Only quoted phrases of letters and digits, the last one with a prefix star.
      expect(toFtsQuery(query)).toMatch(/^("[\p{L}\p{N} ]+" )*"[\p{L}\p{N} ]+"\*$/u)
    }
  })

  it('keeps dotted and symbol names as phrases of their parts', () => {
    expect(toFtsQuery('node.js')).toBe('"node js"*')
    expect(toFtsQuery('C++ developer')).toBe('"C" "developer"*')
  })

  it('keeps letters of any script and caps the word count and length', () => {
    expect(toFtsQuery('café ڈیزائن')).toBe('"café" "ڈیزائن"*')
    expect(toFtsQuery(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))?.split(' ')).toHaveLength(8)
    expect(toFtsQuery('x'.repeat(100))).toBe(`"${'x'.repeat(40)}"*`)
  })
})

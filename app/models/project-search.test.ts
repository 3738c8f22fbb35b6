import { describe, expect, it } from 'vitest'
import { toFtsQuery } from './project-search/fts-query'

describe('toFtsQuery', () => {
  it('quotes each word and lets the last one match as a prefix', () => {
    expect(toFtsQuery('react dashboard')).toBe('("react" OR "reacts") AND "dashboard"*')
    expect(toFtsQuery('  dash  ')).toBe('"dash"*')
  })

  it('matches a one-letter last word whole: as a prefix it would expand to every word with that letter', () => {
    // On the large seed, bm25 over "a"* took 1.6 s of one core (every project matches); "a" 0.4 s.
    expect(toFtsQuery('a')).toBe('"a"')
    expect(toFtsQuery('react developer x')).toBe('("react" OR "reacts") AND ("developer" OR "developers") AND "x"')
    expect(toFtsQuery('title:x')).toBe('"title x"')
    expect(toFtsQuery('ab')).toBe('"ab"*')
  })

  it('lets a word match its singular or plural', () => {
    expect(toFtsQuery('react developers')).toBe('("react" OR "reacts") AND ("developers"* OR "developer")')
    expect(toFtsQuery('logo designs for startups')).toBe(
      '("logo" OR "logos") AND ("designs" OR "design") AND "for" AND ("startups"* OR "startup")',
    )
    expect(toFtsQuery('companies')).toBe('("companies"* OR "company")')
    expect(toFtsQuery('boxes')).toBe('("boxes"* OR "box")')
    // Irregular plurals too.
    expect(toFtsQuery('people analyses')).toBe('("people" OR "person") AND ("analyses"* OR "analysis")')
    // The last word's singular is a whole word: "docs" must not become "doc"*, which finds "docker".
    expect(toFtsQuery('docs')).toBe('("docs"* OR "doc")')
    // Not plurals: "ss" endings, words of three letters or fewer, words with digits.
    expect(toFtsQuery('business')).toBe('"business"*')
    expect(toFtsQuery('aws')).toBe('"aws"*')
    expect(toFtsQuery('k8s')).toBe('"k8s"*')
  })

  it('adds other names of a skill as whole words', () => {
    expect(toFtsQuery('k8s cluster', { k8s: ['Kubernetes'] })).toBe('("k8s" OR "Kubernetes") AND "cluster"*')
    expect(toFtsQuery('golang', { golang: ['Go'] })).toBe('("golang" OR "golangs" OR "Go")')
    // A word with a name is a whole word ("java" must not find "javascript"); a one-letter name would
    // match every "c".
    expect(toFtsQuery('csharp', { csharp: ['C#'] })).toBe('("csharp" OR "csharps" OR "C#")')
    expect(toFtsQuery('java', { java: ['Java'] })).toBe('("java" OR "javas")')
    expect(toFtsQuery('c', { c: ['C'] })).toBe('"c"')
  })

  it('lets words in a row that name a skill match the skill instead', () => {
    expect(toFtsQuery('iphone development', { 'iphone development': ['iOS'] })).toBe(
      '((("iphone" OR "iphones") AND ("development" OR "developments")) OR "iOS")',
    )
    // The longest run wins; the words around it keep their own alternatives.
    expect(toFtsQuery('new node js apps', { node: ['Node.js'], 'node js': ['Node.js'], js: ['JavaScript'] })).toBe(
      '"new" AND ((("node" OR "nodes") AND "js") OR "Node js") AND ("apps"* OR "app")',
    )
    // A run whose only name is one letter is not a run.
    expect(toFtsQuery('c sharp', { 'c sharp': ['C'] })).toBe('"c" "sharp"*')
  })

  it('takes words joined by a slash as alternatives', () => {
    expect(toFtsQuery('UI/UX designer', { ux: ['UX Design'] })).toBe('("UI" OR "UX" OR "UX Design") AND "designer"*')
    expect(toFtsQuery('iOS/Android')).toBe('("iOS"* OR "Android"* OR "androids")')
    // Not alternatives: numbers, one-letter words, a slash with nothing after it.
    expect(toFtsQuery('24/7')).toBe('"24 7"')
    expect(toFtsQuery('C/C++')).toBe('"C C++"*')
    expect(toFtsQuery('ui/')).toBe('"ui"*')
    // At most four alternatives: a longer list is one phrase, as before.
    expect(toFtsQuery('ab/cd/ef/gh/ij')).toBe('"ab cd ef gh ij"*')
  })

  it('returns null when there is nothing to search', () => {
    expect(toFtsQuery('')).toBeNull()
    expect(toFtsQuery(undefined)).toBeNull()
    expect(toFtsQuery('   ')).toBeNull()
    expect(toFtsQuery('"" * - ^ ( )')).toBeNull()
  })

  it('leaves no FTS5 syntax in: quotes, stars, operators, columns, NEAR', () => {
    expect(toFtsQuery('"react OR')).toBe('("react" OR "reacts") AND "OR"*')
    expect(toFtsQuery('title:react NEAR(a b) -python ^x *')).toBe(
      '"title react" "NEAR a" "b" AND ("python" OR "pythons") AND "x"',
    )
    expect(toFtsQuery('a"b\'c')).toBe('"a b c"')
    for (const query of ['"react OR', 'title:react', 'NEAR(a b)', 'x*y', '(a', '{a b}:c', 'c++ c# +x #y']) {
      // Only quoted phrases of letters, digits, "#" and "+" (alone or in an OR group), the last with a prefix star
      // unless it ends in one letter.
      const group = '(?:"[\\p{L}\\p{N}#+ ]+"|\\("[\\p{L}\\p{N}#+ ]+"(?: OR "[\\p{L}\\p{N}#+ ]+")+\\))'
      const last = '(?:"[\\p{L}\\p{N}#+ ]+"\\*?|\\("[\\p{L}\\p{N}#+ ]+"\\*?(?: OR "[\\p{L}\\p{N}#+ ]+"\\*?)+\\))'
      expect(toFtsQuery(query)).toMatch(new RegExp(`^(?:${group}(?: AND | ))*${last}$`, 'u'))
    }
  })

  it('keeps dotted names as phrases of their parts, and "#" and "+" in a word as the index does', () => {
    expect(toFtsQuery('node.js')).toBe('"node js"*')
    expect(toFtsQuery('C++ developer')).toBe('"C++" "developer"*')
    expect(toFtsQuery('C#')).toBe('"C#"*')
    expect(toFtsQuery('node.js apps')).toBe('"node js" AND ("apps"* OR "app")')
  })

  it('keeps letters of any script and caps the word count and length', () => {
    // pluralize leaves words ending in a letter outside ASCII as they are.
    expect(toFtsQuery('café ڈیزائن')).toBe('"café" "ڈیزائن"*')
    expect(toFtsQuery(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))?.split(' ')).toHaveLength(8)
    expect(toFtsQuery('x'.repeat(100))).toBe(`"${'x'.repeat(40)}"*`)
  })
})

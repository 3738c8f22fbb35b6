import { describe, expect, it } from 'vitest'
import { checkSuggestionAllowance, findMisspellings, spellingAlternatives, taxonomyWords } from './spelling.server'

describe('spelling', () => {
  it('finds a misspelt word and suggests the right one', () => {
    const [miss] = findMisspellings('I will recieve the files and start at once.')
    expect(miss).toEqual({ word: 'recieve', suggestions: expect.arrayContaining(['receive']) })
  })

  it('knows the skills taxonomy’s words, and leaves acronyms, camelCase names, numbers and links alone', () => {
    expect(taxonomyWords().has('Kubernetes')).toBe(true)
    const text =
      'Frontend work in Kubernetes, Terraform and Figma; k8s, AWS, GraphQL, v2 and https://exampel.test/reciept ' +
      'are fine, as is mail@exampel.test.'
    expect(findMisspellings(text)).toEqual([])
  })

  it('offers other spellings of a plain word only', () => {
    const allowance = checkSuggestionAllowance()
    expect(spellingAlternatives('dashbord', allowance)).toContain('dashboard')
    // The checker took "UI/UX" for one word and offered "lInUX".
    expect(spellingAlternatives('UI/UX', allowance)).toEqual([])
    expect(spellingAlternatives('ui/ux', allowance)).toEqual([])
    expect(spellingAlternatives('node.js', allowance)).toEqual([])
  })

  it('reads a text full of @ signs in a moment (the address pattern backtracked: 2,000 characters took 1.6 s, 10,000 minutes)', () => {
    const started = performance.now()
    expect(findMisspellings('a@'.repeat(1_500))).toEqual([])
    expect(findMisspellings(`${'a.'.repeat(2_000)}@${'b'.repeat(3_000)}`)).toEqual([])
    expect(performance.now() - started).toBeLessThan(1_000)
    // Addresses and links are still left alone, however they are wrapped.
    expect(findMisspellings('Write to (mail@exampel.test) or see <www.exampel.test/reciept>.')).toEqual([])
  })

  it('lists each unknown word once', () => {
    expect(findMisspellings('teh cat and teh dog').map((m) => m.word)).toEqual(['teh'])
  })
})

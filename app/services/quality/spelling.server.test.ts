import { describe, expect, it } from 'vitest'
import { findMisspellings, spellingAlternatives, taxonomyWords } from './spelling.server'

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
    expect(spellingAlternatives('dashbord')).toContain('dashboard')
    // The checker took "UI/UX" for one word and offered "lInUX".
    expect(spellingAlternatives('UI/UX')).toEqual([])
    expect(spellingAlternatives('ui/ux')).toEqual([])
    expect(spellingAlternatives('node.js')).toEqual([])
  })

  it('lists each unknown word once', () => {
    expect(findMisspellings('teh cat and teh dog').map((m) => m.word)).toEqual(['teh'])
  })
})

import { describe, expect, it } from 'vitest'
import { searchKeywords } from './search-keywords.server'

describe('searchKeywords', () => {
  it('names the skills of words and runs of words, as the search reads them (lower case)', () => {
    expect(searchKeywords('k8s ReactJS nodejs python').qSynonyms).toEqual({
      k8s: ['Kubernetes'],
      reactjs: ['React'],
      nodejs: ['Node.js'],
      python: ['Python'],
    })
    expect(searchKeywords('iPhone development  work').qSynonyms).toEqual({
      iphone: ['iOS'],
      'iphone development': ['iOS'],
    })
    expect(searchKeywords('type script').qSynonyms).toMatchObject({ 'type script': ['TypeScript'] })
    expect(searchKeywords('UI/UX').qSynonyms).toEqual({ ux: ['UX Design'] })
  })

  it('reads the title of the person doing the work as the work', () => {
    expect(searchKeywords('logo designer').qSynonyms['logo designer']).toEqual(['Logo Design'])
    expect(searchKeywords('project managers').qSynonyms['project managers']).toEqual(['Project Management'])
    expect(searchKeywords('game developer').qSynonyms['game developer']).toEqual(['Game Development'])
  })

  it('leaves out the words of asking and the titles, never the words of a skill', () => {
    expect(searchKeywords('I need someone to design a logo for my bakery').q).toBe('design logo bakery')
    expect(searchKeywords('looking for the best python developer').q).toBe('python')
    expect(searchKeywords('wordpress expert').q).toBe('wordpress')
    // "over", "full" and "go" are stop words, but here they name skills.
    expect(searchKeywords('voice over').q).toBe('voice over')
    expect(searchKeywords('full stack developer').q).toBe('full stack developer')
    expect(searchKeywords('go developer').q).toBe('go')
    // Nothing but such words: all of them are searched.
    expect(searchKeywords('the developer').q).toBe('the developer')
    expect(searchKeywords('').q).toBeUndefined()
  })

  it('finds the skill a word misspells, with the spelling it was nearest, only for words the dictionary lacks', () => {
    expect(searchKeywords('pyhton').qSynonyms.pyhton).toEqual(['Python'])
    expect(searchKeywords('illustrater').qSynonyms.illustrater).toEqual(['Illustrator', 'Adobe Illustrator'])
    expect(searchKeywords('logo desing').qSynonyms['logo desing']).toEqual(['Logo Design'])
    // Real words are not misspellings of a skill: "rested" is not "REST".
    expect(searchKeywords('rested').qSynonyms).toEqual({})
  })
})

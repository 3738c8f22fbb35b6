import { describe, expect, it } from 'vitest'
import {
  LENGTH_RULES,
  checkDeliverables,
  checkLength,
  checkReadability,
  checkSkillsSpokenTo,
  readingGrade,
  spellingSuggestion,
  uncoveredSkills,
} from './text-checks'

const words = (n: number) => Array.from({ length: n }, () => 'work').join(' ')

describe('length', () => {
  it('says a cover letter is too short, empty or too long, and is quiet in between', () => {
    expect(checkLength('Your cover letter', '', LENGTH_RULES.coverLetter)[0]!.message).toBe(
      'Your cover letter is empty.',
    )
    expect(checkLength('Your cover letter', words(20), LENGTH_RULES.coverLetter)[0]!.message).toBe(
      'Your cover letter is short (20 words); 60 or more usually say enough.',
    )
    expect(checkLength('Your cover letter', words(120), LENGTH_RULES.coverLetter)).toEqual([])
    expect(checkLength('Your cover letter', words(401), LENGTH_RULES.coverLetter)[0]!.message).toMatch(
      /is long \(401 words\)/,
    )
  })
})

describe('readability', () => {
  const plain =
    'I build booking pages for small clinics. I start with a short call. Then I make a plan with you. ' +
    'You see each step on a test site. I fix what you do not like. The page goes live when you say so.'
  const dense = Array.from(
    { length: 3 },
    () =>
      'Notwithstanding the aforementioned organisational considerations, comprehensive implementation of interoperable architectural paradigms necessitates multidisciplinary collaboration among heterogeneous institutional stakeholders.',
  ).join(' ')

  it('grades plain writing low and says nothing about it', () => {
    expect(readingGrade(plain)).toBeLessThan(6)
    expect(checkReadability('Your cover letter', plain)).toEqual([])
  })

  it('points out writing above grade 12', () => {
    const [finding] = checkReadability('Your cover letter', dense)
    expect(finding!.kind).toBe('readability')
    expect(finding!.message).toMatch(/reads at school grade \d+(\.\d)?: hard going/)
  })

  it('does not grade a few words', () => {
    expect(readingGrade('Interdisciplinary considerations.')).toBeNull()
  })
})

describe('specificity', () => {
  const near = (a: string, b: string) => (a === 'Kubernetes' && b === 'Helm' ? 0.85 : 0)

  it('counts a wanted skill covered when the text names it or one close in meaning', () => {
    expect(uncoveredSkills(['React', 'Kubernetes', 'Figma'], ['React', 'Helm'], near)).toEqual(['Figma'])
  })

  it('names the skills the text leaves out', () => {
    expect(checkSkillsSpokenTo('Your cover letter', ['Figma', 'Sketch'], 'the client asks for')[0]!.message).toBe(
      'Your cover letter does not mention “Figma” and “Sketch”, which the client asks for. Say what you have done with them.',
    )
    expect(checkSkillsSpokenTo('Your cover letter', [], 'the client asks for')).toEqual([])
  })

  it('asks for the deliverables only when the letter uses none of the title’s telling words', () => {
    const title = 'Booking page for our dental clinic'
    expect(checkDeliverables('Your cover letter', title, 'I have built three booking pages.')).toEqual([])
    expect(
      checkDeliverables('Your cover letter', title, 'I am a developer with ten years behind me.')[0]!.message,
    ).toBe(
      'Your cover letter never mentions what the project asks for (“booking”, “page”, “dental” and “clinic”). Say how you would deliver it.',
    )
  })
})

describe('spelling suggestions', () => {
  it('reads as a plain question', () => {
    expect(spellingSuggestion('Your cover letter', 'recieve', ['receive', 'relieve']).message).toBe(
      '“recieve” may be misspelt — did you mean “receive” or “relieve”?',
    )
    expect(spellingSuggestion('Your cover letter', 'xqzt', []).message).toBe('“xqzt” may be misspelt.')
  })
})

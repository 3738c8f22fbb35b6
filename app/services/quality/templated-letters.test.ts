import { describe, expect, it } from 'vitest'
import { TEMPLATED_THRESHOLD, compareLetters, isTemplated, jaccard } from './templated-letters'

const template =
  'Hello, I am an experienced developer with many years of work on web applications. I have read your project ' +
  'carefully and I am confident I can deliver it on time and within budget. Let us talk about the details soon.'

describe('templated letters', () => {
  it('finds a letter with only the greeting changed templated, and an edited one not', () => {
    const matches = compareLetters(template.replace('Hello,', 'Hi there,'), [
      { proposalId: 'same', coverLetter: template },
      {
        proposalId: 'rewritten',
        coverLetter:
          'I have built three booking pages for clinics in React, each with reminders by text message. For yours I would ' +
          'start with the calendar, then the reminders, and show you each step on a test site.',
      },
    ])
    expect(matches.map((m) => m.proposalId)).toEqual(['same', 'rewritten'])
    expect(isTemplated(matches[0]!.similarity)).toBe(true)
    expect(matches[0]!.similarity).toBeGreaterThanOrEqual(TEMPLATED_THRESHOLD)
    expect(isTemplated(matches[1]!.similarity)).toBe(false)
  })

  it('does not call a very short letter a template', () => {
    expect(
      compareLetters('Happy to help, thanks.', [{ proposalId: 'a', coverLetter: 'Happy to help, thanks.' }]),
    ).toEqual([])
  })

  it('computes the Jaccard similarity of two sets', () => {
    expect(jaccard(new Set(['a', 'b', 'c']), new Set(['b', 'c', 'd']))).toBe(0.5)
    expect(jaccard(new Set(), new Set())).toBe(0)
  })
})

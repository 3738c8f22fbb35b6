import { describe, expect, it } from 'vitest'
import { searchHelp } from './search'
import { HELP_TOPICS } from './topics'

const answers = (query: string) => searchHelp(query, HELP_TOPICS).map((hit) => `${hit.topicTitle}: ${hit.heading}`)

describe('searchHelp', () => {
  it('finds a section by the words a newcomer types, not only the article’s own', () => {
    expect(answers('how do I withdraw my money')[0]).toBe('Fees: Payouts')
    expect(answers('2fa')[0]).toBe('Security and safety: Second factors (two-step sign-in)')
    expect(answers('authenticator app')[0]).toBe('Security and safety: Second factors (two-step sign-in)')
    expect(answers('VAT')[0]).toBe('Fees: Tax in the fee')
    expect(answers('scam on WhatsApp')[0]).toBe('Security and safety: Stay on the platform')
  })

  it('links to the section and quotes the sentence that holds the word', () => {
    expect(searchHelp('withdraw', HELP_TOPICS)[0]).toEqual({
      slug: 'fees',
      topicTitle: 'Fees',
      heading: 'Payouts',
      anchor: 'payouts',
      snippet: expect.stringMatching(/^Standard payouts are free/),
    })
  })

  it('answers nothing for words no article holds, or for no words at all', () => {
    expect(answers('xyzzy')).toEqual([])
    expect(answers('how do I')).toEqual([])
    expect(answers('  ')).toEqual([])
  })
})

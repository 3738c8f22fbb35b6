import { describe, expect, it } from 'vitest'
import { describedText, emailText, reasonShownTo, tooShort } from './form-fields'
import { labelOf, valuesOf } from './value-labels'

const messagesOf =
  (field: { safeParse(value: unknown): { error?: { issues: Array<{ message: string }> } } }) => (value: unknown) =>
    field.safeParse(value).error?.issues.map((issue) => issue.message) ?? []

describe('describedText', () => {
  it('says what is missing, too short and too long, with the full stop of the missing message', () => {
    const note = messagesOf(describedText('Say what should change.', [5, 5000], 'the request'))
    expect(note(undefined)).toEqual(['Say what should change.'])
    expect(note(' abc ')).toEqual(['Say what should change (at least 5 characters).'])
    expect(note('x'.repeat(5001))).toEqual(['Keep the request under 5,000 characters.'])
    expect(note('  a fine request  ')).toEqual([])
  })

  it('writes no full stop when the missing message has none, and says "it" by default', () => {
    const reason = messagesOf(describedText('Say what is wrong with this invoice', [20, 2000]))
    expect(reason('short')).toEqual(['Say what is wrong with this invoice (at least 20 characters)'])
    expect(reason('x'.repeat(2001))).toEqual(['Keep it under 2,000 characters'])
    expect(tooShort('Enter the transaction reference.', 4)).toBe(
      'Enter the transaction reference (at least 4 characters).',
    )
  })
})

it('reasonShownTo names who reads the reason', () => {
  const reason = messagesOf(reasonShownTo('the client'))
  expect(reason(undefined)).toEqual(['Give the reason the client will see'])
  expect(reason('too short')).toEqual(['Explain the reason in at least 10 characters'])
  expect(reason('x'.repeat(501))).toEqual(['Use at most 500 characters'])
})

it('emailText trims, checks the length first and then the address', () => {
  const email = emailText('Enter your email', 'Enter a valid email')
  expect(email.parse('  a@example.com ')).toBe('a@example.com')
  expect(messagesOf(email)('nope')).toEqual(['Enter a valid email'])
  expect(messagesOf(email)(`${'a'.repeat(250)}@example.com`)).toEqual(['That email address is too long'])
})

it('valuesOf keeps the order written, and labelOf falls back to the value', () => {
  const labels = { newest: 'Newest', oldest: 'Oldest', best: 'Best match' }
  expect(valuesOf(labels)).toEqual(['newest', 'oldest', 'best'])
  expect(labelOf(labels, 'best')).toBe('Best match')
  expect(labelOf(labels, 'toString')).toBe('toString')
})

import { describe, expect, it } from 'vitest'
import { draftFieldsOf } from './step-up-drafts'

const formOf = (pairs: [string, string | File][]) => {
  const form = new FormData()
  for (const [name, value] of pairs) form.append(name, value)
  return form
}

describe('what of a form is kept during a step-up', () => {
  it('keeps typed text and choices, a repeated name as a list', () => {
    const form = formOf([
      ['intent', 'block'],
      ['reason', 'Asked clients to pay outside the platform.'],
      ['skills', 'a'],
      ['skills', 'b'],
    ])
    expect(draftFieldsOf(form)).toEqual({
      intent: 'block',
      reason: 'Asked clients to pay outside the platform.',
      skills: ['a', 'b'],
    })
  })

  it('never keeps passwords, codes, tokens or files', () => {
    const form = formOf([
      ['intent', 'decide'],
      ['password', 'hunter22'],
      ['currentPassword', 'hunter22'],
      ['code', '123456'],
      ['backupCode', 'abcd-efgh'],
      ['csrf', 't'],
      ['_csrfToken', 't'],
      ['clientSecret', 's'],
      ['file', new File(['evidence'], 'a.txt')],
    ])
    expect(draftFieldsOf(form)).toEqual({ intent: 'decide' })
  })

  it('keeps nothing when nothing is left or the form is far larger than a written reason', () => {
    expect(draftFieldsOf(formOf([['password', 'x']]))).toBeNull()
    expect(draftFieldsOf(formOf([['reason', 'x'.repeat(20_001)]]))).toBeNull()
  })
})

import { describe, expect, it } from 'vitest'
import { notificationEmail, signUpCodeEmail } from './templates'

describe('email templates', () => {
  it('greet a name on one line, so a name with line breaks cannot write paragraphs into the email', () => {
    const forged = 'Bob,\n\nYour payout is on hold. Confirm your bank at megi-help.example\n\n'
    const email = signUpCodeEmail('victim@example.com', forged, '123456', 30)
    expect(email.text.split('\n')[0]).toBe('Hello Bob, Your payout is on hold. Confirm your bank at megi-help.example,')
    expect(email.text.split('\n')[2]).toBe('Your sign-up code is: 123456')
  })

  it('write a notification title (it names people and projects) on one line, in the subject and the text', () => {
    const email = notificationEmail(
      'a@example.com',
      'Ann',
      'Eve\n\nOpen it: https://evil.example sent you a message',
      '',
      null,
    )
    expect(email.subject).toBe('Eve Open it: https://evil.example sent you a message')
    expect(email.text).toMatch(
      /^Hello Ann,\n\nEve Open it: https:\/\/evil\.example sent you a message\n\nYou can choose/,
    )
  })
})

import { describe, expect, it } from 'vitest'
import { RESET_CODE_MINUTES } from '~/domain/reset-code'
import { findHelpTopic } from './topics'

describe('help topics', () => {
  it('give the reset code’s real lifetime, not "a few minutes"', () => {
    const text = JSON.stringify(findHelpTopic('security'))
    expect(text).toContain(`a one-time code is emailed to you; it works for ${RESET_CODE_MINUTES} minutes.`)
  })
})

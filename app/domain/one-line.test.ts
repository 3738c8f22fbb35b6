import { describe, expect, it } from 'vitest'
import { oneLine, requiredText } from './form-fields'
import { asOneLine, isOneLine } from './one-line'

describe('one-line text', () => {
  it('refuses line breaks, control characters and direction overrides, and keeps every script', () => {
    for (const text of ['Eve\nAdams', 'Eve\r\nAdams', 'Eve\u2028Adams', 'Eve\tAdams', 'Eve\u0000', 'Eve \u202Egnp.exe'])
      expect(isOneLine(text), JSON.stringify(text)).toBe(false)
    for (const text of ['Zoë O’Brien-Smith', 'محمد علي', '李小龙', 'J. R. "Bob" Dobbs', 'Ana 👩‍💻'])
      expect(isOneLine(text), text).toBe(true)
  })

  it('flattens what was stored before: each run of them becomes one space', () => {
    expect(asOneLine('Bob,\r\n\r\nYour payout is on hold.\n')).toBe('Bob, Your payout is on hold.')
    expect(asOneLine('Eve\u202E \u2066Adams')).toBe('Eve Adams')
    expect(asOneLine('Plain name')).toBe('Plain name')
  })

  it('oneLine keeps the field’s own checks and adds its message', () => {
    const field = oneLine(requiredText('Enter your name', { min: 2, max: 80 }), 'Write your name on one line')
    expect(field.safeParse('  Eve Adams ').data).toBe('Eve Adams')
    expect(field.safeParse('Eve\nAdams').error?.issues.map((issue) => issue.message)).toEqual([
      'Write your name on one line',
    ])
    expect(field.safeParse('E').success).toBe(false)
  })
})

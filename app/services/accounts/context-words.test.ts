import { describe, expect, it } from 'vitest'
import { contextWordIn } from './context-words'

const person = { email: 'casey.jones@example.com', name: 'Casey Jones' }

describe('contextWordIn', () => {
  it('refuses the site’s name with digits and symbols around it', () => {
    expect(contextWordIn('MegiLance2026!', person)).toBe('megilance')
    expect(contextWordIn('Freelancer#123', person)).toBe('freelancer')
  })
  it('refuses passwords that contain the person’s name or email name', () => {
    expect(contextWordIn('caseyjones1990', person)).toBe('caseyjones')
    expect(contextWordIn('ilovecasey!!', person)).toBe('casey')
  })
  it('allows everything else, including long passphrases and the words inside longer ones', () => {
    expect(contextWordIn('tangerine-orbit-quietly-47', person)).toBe(null)
    expect(contextWordIn('MegiLance-demo-2026', person)).toBe(null)
    expect(contextWordIn('x'.repeat(128), person)).toBe(null)
  })
})

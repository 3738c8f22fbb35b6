import { describe, expect, it } from 'vitest'
import { seal, unseal } from './seal.server'

describe('sealing secrets', () => {
  it('round-trips, with a fresh IV every time', () => {
    const first = seal('JBSWY3DPEHPK3PXP')
    const second = seal('JBSWY3DPEHPK3PXP')
    expect(first).not.toBe(second)
    expect(first).toMatch(/^[\w-]{16}\.[\w-]{22}\.[\w-]+$/)
    expect(first).not.toContain('JBSWY3DPEHPK3PXP')
    expect(unseal(first)).toBe('JBSWY3DPEHPK3PXP')
    expect(unseal(second)).toBe('JBSWY3DPEHPK3PXP')
  })

  it('refuses a value that was tampered with or is not sealed', () => {
    const [iv = '', tag = '', ciphertext = ''] = seal('secret').split('.')
    const flipped = ciphertext.startsWith('A') ? `B${ciphertext.slice(1)}` : `A${ciphertext.slice(1)}`
    expect(unseal([iv, tag, flipped].join('.'))).toBeNull()
    expect(unseal([iv, tag.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')), ciphertext].join('.'))).toBeNull()
    expect(unseal('not-sealed')).toBeNull()
    expect(unseal('')).toBeNull()
  })
})

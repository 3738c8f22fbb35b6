import { describe, expect, it } from 'vitest'
import { commonPasswordCount, hashPassword, isCommonPassword, verifyPassword } from './passwords.server'
import { passwordField } from './schemas'

describe('passwords', () => {
  it('hashes with argon2id and a fresh salt each time', async () => {
    const first = await hashPassword('a sufficiently long secret')
    const second = await hashPassword('a sufficiently long secret')
    expect(first).toMatch(/^\$argon2id\$/)
    expect(first).not.toBe(second)
    expect(await verifyPassword(first, 'a sufficiently long secret')).toBe(true)
    expect(await verifyPassword(first, 'a sufficiently long secreT')).toBe(false)
  })

  it('treats a malformed hash as a failed check, not a crash', async () => {
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false)
  })

  it('ships a list of at least 10,000 common passwords and refuses them case-insensitively', () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(10_000)
    expect(isCommonPassword('password123')).toBe(true)
    expect(isCommonPassword('PASSWORD123')).toBe(true)
    expect(isCommonPassword('qwertyuiop')).toBe(true)
    expect(isCommonPassword('tangerine-orbit-quietly-47')).toBe(false)
  })
})

describe('what a password may be', () => {
  it('is checked exactly as typed: no trimming, no case folding', async () => {
    const stored = await hashPassword('Violet harbour 88 ')
    expect(await verifyPassword(stored, 'Violet harbour 88 ')).toBe(true)
    expect(await verifyPassword(stored, 'Violet harbour 88')).toBe(false)
    expect(await verifyPassword(stored, 'violet harbour 88 ')).toBe(false)
  })
  it('may be a long passphrase of any characters, up to 128', () => {
    expect(passwordField.safeParse('ünïcødé ✓ '.repeat(12).slice(0, 100)).success).toBe(true)
    expect(passwordField.safeParse('x'.repeat(64)).success).toBe(true)
    expect(passwordField.safeParse('x'.repeat(129)).success).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { enrolmentCheck, NEW_FACTOR_HOLD_MS, isEstablishedFactor, STEP_UP_WINDOW_MS } from './step-up'

const now = new Date('2026-12-05T12:00:00Z')
const ago = (ms: number) => new Date(now.getTime() - ms)

describe('what adding a second factor needs first', () => {
  it('asks an account with a factor for a recent step-up, and the password does not stand in for it', () => {
    expect(
      enrolmentCheck({ hasFactor: true, secondFactorAt: ago(STEP_UP_WINDOW_MS), passwordConfirmedAt: null }, now),
    ).toBe('ok')
    expect(
      enrolmentCheck({ hasFactor: true, secondFactorAt: ago(STEP_UP_WINDOW_MS + 1), passwordConfirmedAt: now }, now),
    ).toBe('second-factor')
  })

  it('asks an account with none for its password within the same 10 minutes', () => {
    expect(enrolmentCheck({ hasFactor: false, secondFactorAt: now, passwordConfirmedAt: null }, now)).toBe('password')
    expect(
      enrolmentCheck({ hasFactor: false, secondFactorAt: null, passwordConfirmedAt: ago(STEP_UP_WINDOW_MS) }, now),
    ).toBe('ok')
    expect(
      enrolmentCheck({ hasFactor: false, secondFactorAt: null, passwordConfirmedAt: ago(STEP_UP_WINDOW_MS + 1) }, now),
    ).toBe('password')
  })
})

describe('which factors may confirm a change', () => {
  it('counts a factor from a day on, and the account email always', () => {
    expect(isEstablishedFactor(ago(NEW_FACTOR_HOLD_MS - 1), now)).toBe(false)
    expect(isEstablishedFactor(ago(NEW_FACTOR_HOLD_MS), now)).toBe(true)
    expect(isEstablishedFactor(null, now)).toBe(true)
  })
})

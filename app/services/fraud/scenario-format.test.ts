import { describe, expect, it } from 'vitest'
import { emptyFacts } from '~/domain/fraud-facts'
import { firstScenarioProblem, ScenarioSchema } from './scenario-format'

// A scenario lists the detectors' facts but devices, which loading records from the sign-ins.
const { devices: _fromSignIns, ...noFacts } = emptyFacts()
const empty = { version: 1, seed: 7, now: '2026-11-30T00:00:00.000Z', ...noFacts, labels: [] }

const problemOf = (value: unknown) => {
  const parsed = ScenarioSchema.safeParse(value)
  return parsed.success ? null : firstScenarioProblem(parsed.error)
}

describe('the scenario file', () => {
  it('accepts a complete file', () => expect(problemOf(empty)).toBeNull())

  it('names the first bad field, inside lists too', () => {
    const signIn = {
      userId: 'u',
      at: '2026-11-01T00:00:00.000Z',
      ip: null,
      deviceId: null,
      country: 'GB',
      newDevice: false,
    }
    expect(
      problemOf({
        ...empty,
        signIns: [
          { ...signIn, risk: 'low' },
          { ...signIn, risk: 'extreme' },
        ],
      }),
    ).toMatch(/^signIns\[1\]\.risk: /)
  })

  it('refuses unknown fields', () => {
    expect(
      problemOf({ ...empty, labels: [{ id: 'x', types: ['card_testing'], accounts: ['u'], note: '', extra: 1 }] }),
    ).toMatch(/^labels\[0\]: .*extra/)
  })
})

import { describe, expect, it } from 'vitest'
import { DAY_MS, MINUTE_MS, SECOND_MS } from '~/domain/durations'
import {
  nextQuotaState,
  nextThrottleState,
  retryAfterSeconds,
  withFailureReturned,
  type ThrottleState,
} from './throttle-policy'

const START = new Date('2026-12-01T09:00:00Z')
const at = (ms: number) => new Date(START.getTime() + ms)

/** Uses at the given offsets, each only while the quota is open, as the service takes them. */
function play(limit: number, windowMs: number, offsets: number[]) {
  let state: ThrottleState | undefined
  const taken: number[] = []
  for (const offset of offsets) {
    if (retryAfterSeconds(state, at(offset)) > 0) continue
    state = nextQuotaState(state, limit, windowMs, at(offset))
    taken.push(offset)
  }
  return { state, taken }
}

describe('quotas', () => {
  it('take `limit` uses in a window from the first, then none until that window ends', () => {
    const offsets = Array.from({ length: 70 }, (_, i) => i * 5 * SECOND_MS)
    const { state, taken } = play(60, 10 * MINUTE_MS, offsets)
    expect(taken).toHaveLength(60)
    // Closed by the 60th use (at 4 min 55 s) until 10 minutes after the first.
    expect(state?.lockedUntil).toEqual(at(10 * MINUTE_MS))
    expect(retryAfterSeconds(state, at(6 * MINUTE_MS))).toBe(4 * 60)
    // The first use after the window starts a new one.
    const next = nextQuotaState(state, 60, 10 * MINUTE_MS, at(10 * MINUTE_MS))
    expect(next).toMatchObject({ failures: 1, windowStartedAt: at(10 * MINUTE_MS), lockedUntil: null })
  })

  it('never add up steady use below the rate, however long it goes on', () => {
    // A message every 30 seconds for a whole working day: 20 per 10 minutes, 960 in all.
    const steady = Array.from({ length: 960 }, (_, i) => i * 30 * SECOND_MS)
    expect(play(60, 10 * MINUTE_MS, steady).taken).toHaveLength(960)
    // A project every day for a month against 10 a day.
    const daily = Array.from({ length: 30 }, (_, i) => i * DAY_MS + (i % 3) * MINUTE_MS)
    expect(play(10, DAY_MS, daily).taken).toHaveLength(30)
  })

  it('count a row stored before windows were from its last use', () => {
    const old = { failures: 9, lastFailureAt: at(0), lockedUntil: null, windowStartedAt: null }
    expect(nextQuotaState(old, 10, DAY_MS, at(DAY_MS - 1))).toMatchObject({ failures: 10, lockedUntil: at(DAY_MS) })
    expect(nextQuotaState(old, 10, DAY_MS, at(DAY_MS))).toMatchObject({ failures: 1, lockedUntil: null })
  })
})

describe('a failure given back', () => {
  it('undoes the count of an attempt that was right, and the lock it started, but no other lock', () => {
    let state: ThrottleState | undefined
    for (let i = 0; i < 5; i++) state = nextThrottleState(state, 5, at(i * SECOND_MS))
    expect(state?.lockedUntil).not.toBeNull()
    expect(withFailureReturned(state!, 5)).toMatchObject({ failures: 4, lockedUntil: null })
    const further = nextThrottleState(state, 5, at(10 * SECOND_MS))
    expect(withFailureReturned(further, 5)).toMatchObject({ failures: 5, lockedUntil: further.lockedUntil })
    expect(withFailureReturned({ ...state!, failures: 0 }, 5).failures).toBe(0)
  })
})

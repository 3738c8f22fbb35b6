import { describe, expect, it } from 'vitest'
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, newSessionTimes, sessionState, shouldTouch } from './session-policy'

const start = new Date('2026-01-01T00:00:00Z')
const later = (ms: number) => new Date(start.getTime() + ms)

describe('session policy', () => {
  it('keeps a session active while it is used', () => {
    const times = newSessionTimes(start)
    expect(sessionState(times, later(IDLE_TIMEOUT_MS - 1))).toBe('active')
  })

  it('ends a session idle for 30 minutes', () => {
    const times = newSessionTimes(start)
    expect(IDLE_TIMEOUT_MS).toBe(30 * 60 * 1000)
    expect(sessionState(times, later(IDLE_TIMEOUT_MS))).toBe('idle-expired')
  })

  it('ends a session after 7 days however active it is', () => {
    const times = { ...newSessionTimes(start), lastSeenAt: later(ABSOLUTE_TIMEOUT_MS - 1000) }
    expect(ABSOLUTE_TIMEOUT_MS).toBe(7 * 24 * 60 * 60 * 1000)
    expect(sessionState(times, later(ABSOLUTE_TIMEOUT_MS - 2000))).toBe('active')
    expect(sessionState(times, later(ABSOLUTE_TIMEOUT_MS))).toBe('expired')
  })

  it('writes last-seen at most once a minute', () => {
    const times = newSessionTimes(start)
    expect(shouldTouch(times, later(59_000))).toBe(false)
    expect(shouldTouch(times, later(60_000))).toBe(true)
  })
})

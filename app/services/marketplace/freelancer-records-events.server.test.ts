import { describe, expect, it } from 'vitest'
import { recordEvents } from './freelancer-records.server'

describe('recordEvents', () => {
  // The weekly model refit reads these; a statement given a value it has no place for threw there.
  it('reads every kind of dated record event', async () => {
    const events = await recordEvents(new Date('2026-12-01T00:00:00Z'))
    expect(Object.keys(events).sort()).toEqual(['activity', 'clientEnded', 'ended', 'milestones', 'reviews'])
    for (const list of Object.values(events)) expect(Array.isArray(list)).toBe(true)
  })
})

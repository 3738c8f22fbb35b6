import { describe, expect, it } from 'vitest'
import { pick } from './pick'

describe('pick', () => {
  it('keeps the named fields only, with their values', () => {
    const row = { id: 'a', title: 'T', secret: 'x', at: new Date('2026-01-02T03:04:05Z') }
    expect(pick(row, ['id', 'at'])).toEqual({ id: 'a', at: row.at })
  })

  it('serialises as the hand-written mapping did: dates as ISO strings, null stays null', () => {
    const row = { id: 'a', viewedAt: null as Date | null, createdAt: new Date('2026-01-02T03:04:05Z') }
    expect(JSON.parse(JSON.stringify(pick(row, ['id', 'viewedAt', 'createdAt'])))).toEqual({
      id: 'a',
      viewedAt: row.viewedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    })
  })
})

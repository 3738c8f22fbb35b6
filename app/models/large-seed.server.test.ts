import { describe, expect, it } from 'vitest'
import { getDb } from './db.server'
import { insertProposalsBulk } from './hiring-history-seed.server'
import { beginBulkLoad, endBulkLoad } from './large-seed.server'

describe('the seed bulk load', () => {
  it('lets rows in without foreign key checks, then fails on a broken key and puts the checks back', async () => {
    await beginBulkLoad()
    await insertProposalsBulk([
      {
        id: 'orphan-proposal',
        projectId: 'no-such-project',
        freelancerId: 'no-such-freelancer',
        bidType: 'fixed',
        bidAmountMinor: 10_000,
        durationDays: 7,
        status: 'submitted',
        viewedAt: null,
        decidedAt: null,
        createdAt: Date.now(),
      },
    ])
    await expect(endBulkLoad()).rejects.toThrow(/2 rows break a foreign key \(proposals → (projects|users)/)

    getDb().$client.prepare(`delete from proposals where id = 'orphan-proposal'`).run()
    await endBulkLoad()
    expect(getDb().$client.pragma('foreign_keys', { simple: true })).toBe(1)
  })
})

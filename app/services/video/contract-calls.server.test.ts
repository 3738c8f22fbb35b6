import { describe, expect, it } from 'vitest'
import { getDb } from '~/models/db.server'
import { callAttendances, callRecordings } from '~/models/schema'
import { insertContractCall } from '~/test/contract-call'
import { hireBetweenNewUsers } from '~/test/escrow-fixtures'
import { loadContractCallHistory } from './contract-calls.server'

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 10, minute))

describe('a contract’s call history', () => {
  it('lists each call with who attended and its recordings, and merges its lines into the activity log', async () => {
    const { client, freelancer, contract } = await hireBetweenNewUsers(
      { type: 'fixed', title: 'Logo design', amountMinor: 50_000 },
      { client: 'Clara', freelancer: 'Felix' },
    )
    const callId = await insertContractCall(contract, at(0), at(20))
    const db = getDb()
    db.insert(callAttendances)
      .values([
        { peerId: 'p1', callId, userId: client.id, admittedAt: at(0), joinedAt: at(0), leftAt: at(20) },
        { peerId: 'p2', callId, userId: freelancer.id, admittedAt: at(1), joinedAt: at(1), leftAt: at(19) },
        { peerId: 'p3', callId, userId: freelancer.id, admittedAt: at(2) },
      ])
      .run()
    db.insert(callRecordings)
      .values({
        id: 'rec-1',
        callId,
        startedBy: freelancer.id,
        mode: 'audio',
        contentType: 'audio/webm',
        sizeBytes: 1000,
        chunkCount: 1,
        status: 'complete',
        startedAt: at(5),
        endedAt: at(8),
        durationMs: 3 * 60_000,
      })
      .run()
    const earlier = {
      id: 'a',
      kind: 'contract_started',
      detail: 'Contract started.',
      createdAt: at(-60),
      actorName: 'Clara',
    }

    const history = await loadContractCallHistory(contract.id, [earlier])

    expect(history.calls).toEqual([
      expect.objectContaining({
        id: callId,
        durationMs: 20 * 60_000,
        attendeeNames: ['Clara', 'Felix'],
        recordings: [expect.objectContaining({ id: 'rec-1', mode: 'audio', url: `/calls/${callId}/recordings/rec-1` })],
      }),
    ])
    expect(history.activity.map((line) => line.detail)).toEqual([
      'The call ended after 20 min.',
      'Clara left the call.',
      'Felix left the call.',
      'Felix recorded the call, audio only (3 min).',
      'Felix joined the call.',
      'Clara joined the call.',
      'Clara started a call.',
      'Contract started.',
    ])
  })
})

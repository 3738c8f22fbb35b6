import { describe, expect, it } from 'vitest'
import { getDb } from '~/models/db.server'
import { listFraudSignals } from '~/models/fraud-signals.server'
import { fraudSignals } from '~/models/schema'
import { createTestUser } from '~/test/users'
import { reviewFraudSignal } from './fraud-signals.server'

async function openSignal() {
  const user = await createTestUser('client')
  const id = crypto.randomUUID()
  getDb()
    .insert(fraudSignals)
    .values({
      id,
      userId: user.id,
      source: 'message',
      sourceId: crypto.randomUUID(),
      reasons: ['email'],
      createdAt: new Date(),
    })
    .run()
  return { id, user }
}

describe('reviewing fraud signals', () => {
  it('lets an admin mark a waiting signal reviewed and reopen it, each once', async () => {
    const admin = await createTestUser('admin')
    const { id } = await openSignal()
    expect(await reviewFraudSignal(admin, id, 'reopen')).toEqual({
      ok: false,
      reason: 'conflict',
      message: 'That signal is already waiting (or gone); you can mark reviewed it instead.',
    })
    expect(await reviewFraudSignal(admin, id, 'review')).toEqual({ ok: true })
    expect((await listFraudSignals('reviewed')).some((signal) => signal.id === id)).toBe(true)
    expect(await reviewFraudSignal(admin, id, 'review')).toMatchObject({ ok: false, reason: 'conflict' })
    expect(await reviewFraudSignal(admin, id, 'reopen')).toEqual({ ok: true })
    expect((await listFraudSignals('open')).some((signal) => signal.id === id)).toBe(true)
  })

  it('refuses anyone who is not an admin and leaves the signal waiting', async () => {
    const { id, user } = await openSignal()
    expect(await reviewFraudSignal(user, id, 'review')).toMatchObject({ ok: false, reason: 'forbidden' })
    expect((await listFraudSignals('open')).some((signal) => signal.id === id)).toBe(true)
  })
})

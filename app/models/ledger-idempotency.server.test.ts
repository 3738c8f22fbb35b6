import { describe, expect, it } from 'vitest'
import { IdempotencyKeyReused } from '~/domain/idempotency'
import { LEDGER_TRANSACTION, PLATFORM_OWNER } from '~/domain/enums'
import { createTestUser } from '~/test/users'
import { balanceOf, writeLedgerTransaction, type LedgerPosting } from './ledger.server'

const topUp = (userId: string, amountMinor: number, key: string, description = 'Top-up'): LedgerPosting => ({
  idempotencyKey: key,
  kind: LEDGER_TRANSACTION.walletDeposit,
  description,
  lines: [
    { account: { kind: 'clearing_card', ownerId: PLATFORM_OWNER, currency: 'USD' }, amountMinor: -amountMinor },
    { account: { kind: 'wallet', ownerId: userId, currency: 'USD' }, amountMinor },
  ],
  at: new Date(),
})

describe('a ledger idempotency key', () => {
  it('answers the same movement again with the first one, whatever its wording', async () => {
    const user = await createTestUser('client')
    const key = `test:${user.id}:same`
    const first = writeLedgerTransaction(topUp(user.id, 500, key))
    const again = writeLedgerTransaction(topUp(user.id, 500, key, 'Top-up (retried)'))
    expect(again).toEqual({ transactionId: first.transactionId, created: false })
    expect(await balanceOf({ kind: 'wallet', ownerId: user.id, currency: 'USD' })).toBe(500)
  })

  it('refuses a different movement under a key already used, and writes nothing of it', async () => {
    const user = await createTestUser('client')
    const other = await createTestUser('client')
    const key = `test:${user.id}:other`
    writeLedgerTransaction(topUp(user.id, 500, key))
    expect(() => writeLedgerTransaction(topUp(user.id, 900, key))).toThrow(IdempotencyKeyReused)
    expect(() => writeLedgerTransaction(topUp(other.id, 500, key))).toThrow(IdempotencyKeyReused)
    expect(await balanceOf({ kind: 'wallet', ownerId: user.id, currency: 'USD' })).toBe(500)
    expect(await balanceOf({ kind: 'wallet', ownerId: other.id, currency: 'USD' })).toBe(0)
  })
})

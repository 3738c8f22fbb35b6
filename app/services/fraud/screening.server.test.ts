import { describe, expect, it } from 'vitest'
import { findPayout } from '~/models/payouts.server'
import { listFraudAlertEvents, listFraudAlerts } from '~/models/fraud-alerts.server'
import { FraudAlertFilterSchema } from '~/domain/fraud-alert-filters'
import { requestPayout } from '~/services/payments/payouts/payouts.server'
import { freelancerWithBank } from '~/test/wallet'
import { createTestUser } from '~/test/users'
import { raiseAlerts } from './alerts.server'
import { recordCardAttempt } from './card-attempts.server'
import { FRAUD_HOLD_REASON } from './payout-hold.server'
import { runFraudSweep } from './screening.server'

const alertsOf = async (email: string) =>
  (await listFraudAlerts(FraudAlertFilterSchema.parse({ person: email }), { offset: 0, limit: 50 })).rows

const payoutForm = (methodId: string, key: string) => ({
  methodId,
  currency: 'USD',
  amountMinor: 10_000,
  speed: 'standard' as const,
  idempotencyKey: key,
})

describe('screening card attempts as they happen', () => {
  it('raises one card-testing alert and updates it as the run goes on', async () => {
    const client = await createTestUser('client')
    const t0 = new Date()
    const attempt = (i: number) =>
      recordCardAttempt({
        userId: client.id,
        paymentId: 'pay-1',
        amountMinor: 100,
        currency: 'USD',
        cardNumber: `400000000000${String(1000 + i)}`,
        ok: false,
        declineReason: 'Your card was declined.',
        at: new Date(t0.getTime() + i * 20_000),
      })
    for (let i = 0; i < 4; i++) await attempt(i)
    expect(await alertsOf(client.email)).toEqual([])
    for (let i = 4; i < 7; i++) await attempt(i)
    const [alert] = await alertsOf(client.email)
    expect(alert).toMatchObject({ type: 'card_testing', status: 'pending' })
    expect(alert!.summary).toBe('7 cards tried 7 times in 2 minutes, 7 declined.')
    const history = await listFraudAlertEvents(alert!.id)
    expect(history.map((event) => event.action)).toEqual(['raised', 'evidence', 'evidence'])
    await runFraudSweep(new Date(t0.getTime() + 10 * 60_000))
    expect(await alertsOf(client.email)).toHaveLength(1)
  })
})

type Draft = Parameters<typeof raiseAlerts>[0][number]

/** An alert about one account; the hold rule reads only the scores of its open alerts. */
function alertOn(userId: string, fields: Pick<Draft, 'type' | 'key' | 'score' | 'severity'>): Draft {
  return { ...fields, accounts: [userId], words: ['A test alert.'], data: {} }
}

describe('payout holds', () => {
  it('holds the payouts of an account whose open alerts reach the hold score, saying only that it is under review', async () => {
    const { user, method } = await freelancerWithBank(50_000)
    const waiting = await requestPayout(user, payoutForm(method.id, 'before'))
    if (!waiting.ok) throw new Error(waiting.message)
    expect(waiting.payout.status).toBe('requested')
    await raiseAlerts([
      alertOn(user.id, { type: 'account_takeover', key: `test:${user.id}`, score: 70, severity: 'high' }),
    ])
    expect(await findPayout(waiting.payout.id)).toMatchObject({ status: 'held', statusReason: FRAUD_HOLD_REASON })
    const later = await requestPayout(user, payoutForm(method.id, 'after'))
    expect(later).toMatchObject({ ok: true, payout: { status: 'held', statusReason: FRAUD_HOLD_REASON } })
  })

  it('leaves payouts alone below the hold score', async () => {
    const { user, method } = await freelancerWithBank(50_000)
    await raiseAlerts([
      alertOn(user.id, { type: 'off_platform', key: `low:${user.id}`, score: 50, severity: 'medium' }),
    ])
    expect(await requestPayout(user, payoutForm(method.id, 'k'))).toMatchObject({
      ok: true,
      payout: { status: 'requested' },
    })
  })
})

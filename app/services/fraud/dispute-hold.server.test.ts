import { describe, expect, it } from 'vitest'
import { findMilestone } from '~/models/contracts.server'
import { getDb } from '~/models/db.server'
import { findOpenDisputeOfMilestone } from '~/models/disputes.server'
import { listFraudAlertEvents } from '~/models/fraud-alerts.server'
import { action as alertAction, loader as alertLoader } from '~/routes/_portal.admin.fraud.$alertId'
import { loader as disputeLoader } from '~/routes/_portal.disputes.$disputeId'
import { performMilestoneAction } from '~/services/marketplace/contracts.server'
import {
  createMilestoneSubject,
  createParties,
  fundFromWallet,
  loadMilestoneSubject,
} from '~/test/state-machine-subjects'
import { formRequest, getRequest, run } from '~/test/requests'
import { signedInCookie } from '~/test/users'
import { raiseAlerts } from './alerts.server'
import { listMilestonesToHold } from './dispute-hold.server'

const parties = createParties()

async function alertOn(userId: string) {
  const key = `dispute-hold-test:${userId}:${crypto.randomUUID()}`
  await raiseAlerts([
    { type: 'payment_velocity', key, score: 50, severity: 'medium', accounts: [userId], words: ['Test.'], data: {} },
  ])
  return getDb().$client.prepare('select id from fraud_alerts where idempotency_key = ?').pluck().get(key) as string
}

describe('a dispute hold opened from an alert', () => {
  it('puts a funded milestone of an involved account on hold through the dispute rules, with a required note', async () => {
    const people = await parties
    const subject = await createMilestoneSubject(people)
    const unfunded = await createMilestoneSubject(people)
    expect(await fundFromWallet(people, subject)).toBe(true)
    const alertId = await alertOn(people.freelancer.id)
    const cookie = await signedInCookie(people.admin.id, { secondFactorAt: new Date() })

    // Only money in escrow is offered: the funded milestone, not the pending one.
    const page = (await (
      await run(alertLoader, getRequest(`/admin/fraud/${alertId}`, cookie), { alertId })
    ).json()) as {
      escrowed: { id: string; label: string }[]
    }
    expect(page.escrowed.map((m) => m.id)).toEqual([subject.milestoneId])
    expect(page.escrowed[0]!.label).toContain('(funded)')

    const send = (fields: Record<string, string>) =>
      run(alertAction, formRequest(`/admin/fraud/${alertId}`, { intent: 'dispute_hold', ...fields }, cookie), {
        alertId,
      })
    expect((await send({ milestoneId: subject.milestoneId, note: '' })).status).toBe(400)
    expect((await send({ milestoneId: unfunded.milestoneId, note: 'Hold it while we look.' })).status).toBe(409)

    const done = await send({ milestoneId: subject.milestoneId, note: 'Funds and releases within minutes.' })
    expect(done.status).toBe(302)
    const dispute = await findOpenDisputeOfMilestone(subject.milestoneId)
    expect(dispute).toMatchObject({ openedBy: people.admin.id, reason: 'Funds and releases within minutes.' })
    // The two sides read the dispute; neither learns that a fraud alert is behind it (nor its id).
    for (const side of [people.freelancer, people.client]) {
      const view = await run(disputeLoader, getRequest(`/disputes/${dispute!.id}`, await signedInCookie(side.id)), {
        disputeId: dispute!.id,
      })
      expect(view.status).toBe(200)
      const text = await view.text()
      expect(text).toContain('Funds and releases within minutes.')
      expect(text).not.toContain(alertId)
      expect(text).not.toMatch(/fraud/i)
    }
    const history = await listFraudAlertEvents(alertId)
    expect(history.at(-1)).toMatchObject({ action: 'dispute_hold' })
    expect(history.at(-1)!.note).toContain('Funds and releases within minutes.')

    // Held: the client can no longer release it, and it is not offered again.
    const { contract } = await loadMilestoneSubject(subject)
    const release = await performMilestoneAction(people.client, contract, 'client', subject.milestoneId, 'approve', {})
    expect(release).toMatchObject({ ok: false, message: expect.stringMatching(/dispute/i) })
    expect((await findMilestone(contract.id, subject.milestoneId))!.releasedAt).toBeNull()
    expect(await listMilestonesToHold(alertId)).toEqual([])
    expect((await send({ milestoneId: subject.milestoneId, note: 'Again, please.' })).status).toBe(409)
  })
})

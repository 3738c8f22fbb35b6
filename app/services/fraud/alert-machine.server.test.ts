import { eq } from 'drizzle-orm'
import { FRAUD_ALERT_MACHINE, type FraudAlertAction } from '~/domain/fraud-alerts'
import { getDb } from '~/models/db.server'
import { findFraudAlert } from '~/models/fraud-alerts.server'
import { fraudAlerts } from '~/models/schema'
import { walkEveryTransition } from '~/test/state-machine-walk'
import { createTestUser } from '~/test/users'
import { raiseAlerts } from './alerts.server'
import { actOnAlert } from './desk.server'

const people = Promise.all([createTestUser('admin'), createTestUser('freelancer')])

/** Each subject is a fresh pending alert, raised the way a detector raises one. */
async function createAlert(): Promise<string> {
  const [, suspect] = await people
  const key = `walk:${crypto.randomUUID()}`
  await raiseAlerts([
    { type: 'proposal_spam', key, score: 50, severity: 'medium', accounts: [suspect.id], words: ['Walk.'], data: {} },
  ])
  return getDb().select({ id: fraudAlerts.id }).from(fraudAlerts).where(eq(fraudAlerts.idempotencyKey, key)).get()!.id
}

const take = (action: FraudAlertAction) => async (id: string) => {
  const [admin] = await people
  return (await actOnAlert(admin, id, { action, note: `Walking: ${action}` })).ok
}

walkEveryTransition('fraud alert', FRAUD_ALERT_MACHINE, {
  create: createAlert,
  read: async (id) => (await findFraudAlert(id))!.alert,
  take: {
    investigate: take('investigate'),
    resolve: take('resolve'),
    dismiss: take('dismiss'),
    reopen: take('reopen'),
  },
})

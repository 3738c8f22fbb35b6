import { PAYOUT_MACHINE } from '~/domain/payout-machine'
import { fromStates, toState } from '~/domain/state-machine'
import { getDb } from '~/models/db.server'
import { listRequestedPayoutIdsOf } from '~/models/fraud-alerts.server'
import { changePayoutStatusSync, findPayout } from '~/models/payouts.server'
import { notify } from '~/services/notifications/notify.server'
import { formatMoney } from '~/utils/format'

/**
 * The platform's hold on payouts these accounts requested and nobody is sending yet (the payout
 * machine's security_hold): they wait for an admin, and each owner is told why in `reason`.
 */
export async function holdWaitingPayouts(userIds: string[], reason: string, now: Date): Promise<number> {
  const ids = await listRequestedPayoutIdsOf(userIds)
  const held = getDb().transaction(() =>
    ids.filter((id) =>
      changePayoutStatusSync({
        id,
        from: fromStates(PAYOUT_MACHINE, 'security_hold'),
        to: toState(PAYOUT_MACHINE, 'security_hold'),
        reason,
        actorId: null,
        at: now,
        sending: 'unclaimed',
      }),
    ),
  )
  for (const id of held) {
    const payout = (await findPayout(id))!
    await notify({
      userId: payout.userId,
      kind: 'payout_update',
      title: `Your payout of ${formatMoney(payout.amountMinor - payout.feeMinor, payout.currency)} is held for review`,
      body: `Reason: ${reason}`,
      link: '/payouts',
    })
  }
  return held.length
}

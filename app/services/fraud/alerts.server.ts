import { upsertFraudAlertSync } from '~/models/fraud-alerts.server'
import { blockAccount } from '~/services/accounts/accounts.server'
import { publishAdminFraudAlert } from '~/services/messaging/live.server'
import { holdWaitingPayouts } from '~/services/payments/payouts/review-holds.server'
import type { AlertDraft } from './alert-draft'
import { FRAUD_CONFIG } from './fraud-config'
import { FRAUD_HOLD_REASON } from './payout-hold.server'

export type RaiseSummary = { raised: number; updated: number; held: number; blocked: number }

/**
 * Stores what the detectors found: a new alert per new key, an update to the open alert with the
 * same key, nothing for a closed one. An alert reaching the hold score holds the involved accounts'
 * payouts still waiting to be sent; the auto-block score (off by default) blocks them. Admins with
 * the fraud desk open hear of each raised or updated alert (server-sent events).
 */
export async function raiseAlerts(drafts: AlertDraft[], now = new Date()): Promise<RaiseSummary> {
  const summary: RaiseSummary = { raised: 0, updated: 0, held: 0, blocked: 0 }
  for (const draft of drafts) {
    const { id, outcome } = upsertFraudAlertSync(
      {
        type: draft.type,
        key: draft.key,
        score: draft.score,
        severity: draft.severity,
        accounts: draft.accounts,
        evidence: { words: draft.words, data: draft.data },
      },
      now,
    )
    if (outcome === 'raised') summary.raised++
    if (outcome === 'updated') summary.updated++
    if (outcome !== 'raised' && outcome !== 'updated') continue
    publishAdminFraudAlert({ type: 'fraud-alert', alertId: id, change: outcome })
    if (draft.score >= FRAUD_CONFIG.holdPayoutsAtScore)
      summary.held += await holdWaitingPayouts(draft.accounts, FRAUD_HOLD_REASON, now)
    const autoBlock = FRAUD_CONFIG.autoBlockAtScore
    if (autoBlock !== null && draft.score >= autoBlock) {
      for (const userId of draft.accounts)
        if (await blockAccount(userId, 'Blocked automatically while our team reviews unusual activity.'))
          summary.blocked++
    }
  }
  return summary
}

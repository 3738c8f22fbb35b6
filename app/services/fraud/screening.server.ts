import { loadFraudFacts } from '~/models/fraud-facts.server'
import { DAY_MS } from '~/domain/durations'
import { logger } from '~/utils/logger.server'
import { raiseAlerts, type RaiseSummary } from './alerts.server'
import { runAccountDetectors, runAllDetectors } from './detectors/run-detectors'

/** How far back the detectors look: the longest window (disputes) is 90 days. */
const SWEEP_LOOKBACK_MS = 90 * DAY_MS
/** On an event, one account's last 30 days cover every per-account window (off-platform is the longest). */
const EVENT_LOOKBACK_MS = 30 * DAY_MS

/**
 * Runs the cheap per-account detectors after something the account did (sign-in, card attempt,
 * payout request, release, review, proposal, flagged message). Fraud screening must never stop
 * the thing itself, so a failure is logged and swallowed.
 */
export async function screenAccount(userId: string, now = new Date()): Promise<void> {
  try {
    const facts = await loadFraudFacts({ since: new Date(now.getTime() - EVENT_LOOKBACK_MS), userId })
    await raiseAlerts(runAccountDetectors(facts), now)
  } catch (error) {
    logger.error({ err: error, userId }, 'fraud screening failed')
  }
}

/** The scheduled sweep: every detector, the graph and time-window ones included, over everyone. */
export async function runFraudSweep(now = new Date()): Promise<RaiseSummary & { accounts: number }> {
  const facts = await loadFraudFacts({ since: new Date(now.getTime() - SWEEP_LOOKBACK_MS) })
  const summary = await raiseAlerts(runAllDetectors(facts, now.getTime()), now)
  return { ...summary, accounts: facts.accounts.length }
}

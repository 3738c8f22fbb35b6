/**
 * Churn risk, measured: the logistic regression fitted on accounts as of 120 days ago (labelled by
 * the 60 days after), its AUC on accounts as of 60 days ago (labelled by the 60 days up to now),
 * beside the documented rule score's AUC on the same accounts. Below the minimum number of
 * examples no model is fitted and the page uses the rule score; this says so.
 */
import type { DB } from '~/models/db.server'
import { CHURN_HORIZON_DAYS, MIN_CHURN_EXAMPLES, evaluateChurn } from '~/services/ai/churn.server'

const day = (date: Date) => date.toISOString().slice(0, 10)
const auc = (value: number | null) => (value === null ? 'n/a (one outcome only)' : value.toFixed(3))
const share = (part: number, whole: number) => (whole ? `${Math.round((100 * part) / whole)}%` : '—')

export async function evaluate(_db: DB): Promise<{ name: string; lines: string[] }> {
  const e = await evaluateChurn()
  const lines = [
    `Label: no activity in the ${CHURN_HORIZON_DAYS} days after the cut-off (projects, proposals, messages, contract actions).`,
    `Fitted on ${e.trained.accounts} accounts as of ${day(e.fitCutoff)} (${share(e.trained.left, e.trained.accounts)} left); held out: ${e.heldOut.accounts} accounts as of ${day(e.testCutoff)} (${share(e.heldOut.left, e.heldOut.accounts)} left).`,
    e.kind === 'model'
      ? `Logistic regression AUC on the held-out accounts: ${auc(e.auc)}.`
      : `No model: fewer than ${MIN_CHURN_EXAMPLES} training accounts or 20 of either outcome; /admin/churn uses the rule score.`,
    `Rule score AUC on the same accounts: ${auc(e.ruleAuc)}.`,
  ]
  return { name: 'Churn risk: no activity in the next 60 days', lines }
}

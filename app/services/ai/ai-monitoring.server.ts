import { DAY_MS, WEEK_MS } from '~/domain/durations'
import { FRAUD_ALERT_TYPES } from '~/domain/fraud-alerts'
import { listFittedModels } from '~/models/fitted-models.server'
import { fraudOutcomesByType } from '~/models/fraud-alerts.server'
import { churnPage } from './churn.server'
import { MATCH_FACTORS } from './matching'
import { MIN_HIRES, matchingWeightsInForce } from './matching-model.server'
import { MIN_CONTRACTS, successModelFacts } from './success-model.server'

/** The fraud detectors' outcomes are counted over this many days. */
const FRAUD_WINDOW_DAYS = 30

/** A stored version's headline figure, in words, by its kind. */
function headline(kind: string, metrics: Record<string, number>, params: Record<string, unknown>): string {
  if (kind === 'success')
    return Number.isFinite(metrics.heldOutAuc)
      ? `AUC ${Number(metrics.heldOutAuc).toFixed(3)} on ${metrics.heldOut} held-out contracts`
      : 'Not measured'
  if (typeof metrics.validationFitted === 'number' && typeof metrics.validationDefaults === 'number') {
    const share = (value: number) => `${(100 * value).toFixed(1)}%`
    const used = params.inForce === 'fitted' ? 'fitted weights used' : 'published defaults kept'
    return `Hired freelancer in the top 10: ${share(metrics.validationFitted)} fitted, ${share(metrics.validationDefaults)} defaults; ${used}`
  }
  return 'No validation figure'
}

/**
 * What an admin watches of the platform's models: which version of each is in force and how good it
 * was on held-out data, when the next refit is due, every stored version, and how the fraud
 * detectors' alerts of the last 30 days have been decided on the desk (their false-positive share).
 */
export async function aiMonitoringPage(now = new Date()) {
  const from = new Date(now.getTime() - FRAUD_WINDOW_DAYS * DAY_MS)
  const [matching, success, churn, history, fraud] = await Promise.all([
    matchingWeightsInForce(now.getTime()),
    successModelFacts(),
    churnPage({ page: 1 }, now),
    listFittedModels(),
    fraudOutcomesByType({ from, to: now }),
  ])
  const newestFit = history[0]?.fittedAt ?? null
  const byType = new Map(fraud.map((row) => [row.type, row]))
  return {
    matching: {
      source: matching.source,
      version: matching.source === 'fitted' ? matching.version : null,
      rejected: matching.source === 'default' ? matching.rejected : null,
      validation: matching.source === 'fitted' ? matching.validation : null,
      hires: matching.source === 'fitted' ? matching.outcomes : null,
      fittedAt: matching.source === 'fitted' ? matching.fittedAt : null,
      minHires: MIN_HIRES,
      weights: MATCH_FACTORS.map((factor) => ({
        label: factor.label,
        published: factor.weight,
        inForce: Math.round(matching.weights[factor.key] * 10) / 10,
      })),
    },
    success: { inForce: success, minContracts: MIN_CONTRACTS },
    churn: {
      kind: churn.method.kind,
      auc: churn.method.auc,
      ruleAuc: churn.method.ruleAuc,
      heldOut: churn.method.heldOut,
      scoredAt: churn.scoredAt,
      bands: churn.bands,
    },
    // Checked hourly; a refit runs when the newest fit is a week old and there is enough to learn from.
    nextRefitAt: newestFit ? new Date(newestFit.getTime() + WEEK_MS) : null,
    history: history.map((model) => ({
      id: model.id,
      kind: model.kind,
      version: model.version,
      fittedAt: model.fittedAt,
      outcomes: model.outcomes,
      headline: headline(model.kind, model.metrics, model.params),
    })),
    fraudWindowDays: FRAUD_WINDOW_DAYS,
    fraud: FRAUD_ALERT_TYPES.map((type) => {
      const row = byType.get(type) ?? { raised: 0, open: 0, confirmed: 0, falsePositive: 0 }
      const decided = row.confirmed + row.falsePositive
      return { type, ...row, falsePositiveShare: decided ? row.falsePositive / decided : null }
    }),
  }
}

import { FRAUD_ALERT_TYPES, type FraudAlertType } from '~/domain/fraud-alerts'
import type { Scenario } from '~/services/fraud/scenario-format'

/** What scoring needs of an alert: its type and the accounts it names. */
type ScoredAlert = { type: FraudAlertType; accounts: string[] }

export type Score = {
  type: FraudAlertType | 'overall'
  alerts: number
  truePositives: number
  cases: number
  found: number
  precision: number
  recall: number
  f1: number
}

/**
 * Precision counts alerts: an alert is right when a planted case of its type shares an account
 * with it. Recall counts planted cases: a case is found when an alert of its type shares an
 * account with it. Overall sums the counts over the types (micro-average).
 */
export function scoreAlerts(alerts: ScoredAlert[], labels: Scenario['labels']): Score[] {
  const scores: Score[] = []
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b)
  const overlaps = (a: string[], b: string[]) => a.some((id) => b.includes(id))
  const sum = { alerts: 0, truePositives: 0, cases: 0, found: 0 }
  for (const type of FRAUD_ALERT_TYPES) {
    const mine = alerts.filter((a) => a.type === type)
    const cases = labels.filter((l) => l.types.includes(type))
    const truePositives = mine.filter((a) => cases.some((c) => overlaps(a.accounts, c.accounts))).length
    const found = cases.filter((c) => mine.some((a) => overlaps(a.accounts, c.accounts))).length
    sum.alerts += mine.length
    sum.truePositives += truePositives
    sum.cases += cases.length
    sum.found += found
    scores.push(scoreOf(type, mine.length, truePositives, cases.length, found))
  }
  scores.push(scoreOf('overall', sum.alerts, sum.truePositives, sum.cases, sum.found))
  return scores

  function scoreOf(
    type: Score['type'],
    alertCount: number,
    truePositives: number,
    caseCount: number,
    found: number,
  ): Score {
    const precision = ratio(truePositives, alertCount)
    const recall = ratio(found, caseCount)
    return {
      type,
      alerts: alertCount,
      truePositives,
      cases: caseCount,
      found,
      precision,
      recall,
      f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    }
  }
}

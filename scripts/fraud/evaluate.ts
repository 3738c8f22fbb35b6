import { FRAUD_ALERT_TYPES, type FraudAlertType } from '~/domain/fraud-alerts'
import type { FraudFacts } from '~/domain/fraud-facts'
import type { AlertDraft } from '~/services/fraud/alert-draft'
import { runAccountDetectors, runAllDetectors } from '~/services/fraud/detectors/run-detectors'
import { factsOfScenario, type Scenario } from '~/services/fraud/scenario-format'

/** One account's records up to a time, the way the event path loads them from the database. */
function accountFacts(facts: FraudFacts, userId: string, until: number): FraudFacts {
  const own = <T extends { userId: string; at: number }>(items: T[]) =>
    items.filter((x) => x.userId === userId && x.at <= until)
  return {
    accounts: facts.accounts.filter((a) => a.id === userId),
    signIns: own(facts.signIns),
    devices: [],
    cardAttempts: own(facts.cardAttempts),
    payouts: own(facts.payouts),
    payoutMethods: own(facts.payoutMethods),
    contracts: facts.contracts.filter((c) => (c.clientId === userId || c.freelancerId === userId) && c.at <= until),
    releases: facts.releases.filter(
      (r) => (r.clientId === userId || r.freelancerId === userId) && r.releasedAt <= until,
    ),
    reviews: facts.reviews.filter((r) => (r.reviewerId === userId || r.revieweeId === userId) && r.at <= until),
    proposals: facts.proposals.filter((p) => p.freelancerId === userId && p.at <= until),
    messageFlags: own(facts.messageFlags),
    submissions: facts.submissions.filter((x) => x.clientId === userId && x.at <= until),
    securityChanges: own(facts.securityChanges),
  }
}

/**
 * Replays the scenario as the app runs: the per-account detectors after every event, in time
 * order, then the sweep at the end. Alerts are kept by key the way the database keeps them (the
 * same key updates, never adds), so what is counted is what an admin would see.
 */
export function replayScenario(scenario: Scenario): { alerts: AlertDraft[]; events: number } {
  const facts = factsOfScenario(scenario)
  const alerts = new Map<string, AlertDraft>()
  const keep = (drafts: AlertDraft[]) => drafts.forEach((d) => alerts.set(d.key, d))
  const events = [
    ...facts.signIns.map((x) => ({ userId: x.userId, at: x.at })),
    ...facts.cardAttempts.map((x) => ({ userId: x.userId, at: x.at })),
    ...facts.payouts.map((x) => ({ userId: x.userId, at: x.at })),
    ...facts.releases.map((x) => ({ userId: x.freelancerId, at: x.releasedAt })),
    ...facts.proposals.map((x) => ({ userId: x.freelancerId, at: x.at })),
    ...facts.messageFlags.map((x) => ({ userId: x.userId, at: x.at })),
  ].sort((a, b) => a.at - b.at)
  for (const event of events) keep(runAccountDetectors(accountFacts(facts, event.userId, event.at)))
  keep(runAllDetectors(facts, Date.parse(scenario.now)))
  return { alerts: [...alerts.values()], events: events.length }
}

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
export function scoreAlerts(alerts: AlertDraft[], labels: Scenario['labels']): Score[] {
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

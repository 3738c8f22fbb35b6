/**
 * Churn risk, the parts without a database: an account's facts as of a cut-off become the model's
 * features, the documented rule score (used while there are too few examples to fit a model) and
 * the reasons in words. The rules are published on /admin/churn exactly as written here.
 */

/** What an account did up to a cut-off (activity = projects posted, proposals sent, messages, contract actions). */
export type ChurnFacts = {
  role: 'client' | 'freelancer'
  /** Actions in the 45 days before the cut-off, and in the 45 days before those. */
  recent: number
  earlier: number
  /** Whole days since the last action (at most 90: older actions are not read). */
  idleDays: number
  /** Proposals sent 14+ days before the cut-off that the client had not answered by then. */
  unanswered: number
  /** Proposals decided in the 180 days before the cut-off, and how many of them won. */
  decided: number
  won: number
  /** Invoices on the account's contracts past their review date and not paid. */
  unpaid: number
  /** Disputes on the account's contracts opened in the 180 days before the cut-off. */
  disputes: number
}

export const CHURN_FEATURES = [
  'recent activity (log)',
  'activity change',
  'days idle',
  'unanswered proposals (log)',
  'share of decided proposals lost',
  'unpaid invoices (log)',
  'disputes (log)',
  'is a client',
] as const

export function churnFeatures(f: ChurnFacts): number[] {
  const total = f.recent + f.earlier
  return [
    Math.log1p(f.recent),
    total ? (f.earlier - f.recent) / total : 0,
    f.idleDays,
    Math.log1p(f.unanswered),
    f.decided ? 1 - f.won / f.decided : 0,
    Math.log1p(f.unpaid),
    Math.log1p(f.disputes),
    f.role === 'client' ? 1 : 0,
  ]
}

/** One rule: when it fires, its points (rule score) and its reason in words; `feature` links it to the model. */
type Rule = { points: number; feature: number; describe: string; fires: (f: ChurnFacts) => string | null }

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

export const CHURN_RULES: Rule[] = [
  {
    points: 25,
    feature: 1,
    describe: 'activity at least halved: 4 or more actions in the earlier 45 days, at most half as many in the last 45',
    fires: (f) =>
      f.earlier >= 4 && f.recent * 2 <= f.earlier
        ? `Activity fell from ${f.earlier} to ${f.recent} actions (last 45 days against the 45 before)`
        : null,
  },
  {
    points: 25,
    feature: 2,
    describe: 'nothing done for 21 days or more',
    fires: (f) => (f.idleDays >= 21 ? `Nothing done for ${f.idleDays} days` : null),
  },
  {
    points: 15,
    feature: 3,
    describe: '3 or more proposals unanswered for two weeks or more',
    fires: (f) => (f.unanswered >= 3 ? `${plural(f.unanswered, 'proposal')} unanswered for two weeks or more` : null),
  },
  {
    points: 15,
    feature: 4,
    describe: 'won under 15% of 5 or more proposals decided in 6 months',
    fires: (f) =>
      f.decided >= 5 && f.won / f.decided < 0.15
        ? `Won ${f.won} of ${plural(f.decided, 'proposal')} decided in 6 months`
        : null,
  },
  {
    points: 10,
    feature: 5,
    describe: 'an invoice past its review date and unpaid',
    fires: (f) => (f.unpaid >= 1 ? `${plural(f.unpaid, 'invoice')} past review and unpaid` : null),
  },
  {
    points: 10,
    feature: 6,
    describe: 'a dispute in 6 months',
    fires: (f) => (f.disputes >= 1 ? `${plural(f.disputes, 'dispute')} in 6 months` : null),
  },
]

export const CHURN_BANDS = ['high', 'medium', 'low'] as const
export type ChurnBand = (typeof CHURN_BANDS)[number]

/** The rule score, 0–100: the points of every rule that fires. */
export function ruleScore(f: ChurnFacts): number {
  return CHURN_RULES.reduce((sum, rule) => sum + (rule.fires(f) ? rule.points : 0), 0)
}

/** A risk between 0 and 1 (a probability, or the rule score / 100) into a band. */
export function bandOf(risk: number): ChurnBand {
  return risk >= 0.5 ? 'high' : risk >= 0.25 ? 'medium' : 'low'
}

/**
 * The reasons that apply, strongest first: by the model's push on the log-odds when there is a
 * model (`contributions`, one per feature), otherwise by the rule's points.
 */
export function churnReasons(f: ChurnFacts, contributions?: number[]): string[] {
  const weight = (rule: Rule) => (contributions ? contributions[rule.feature]! : rule.points)
  return CHURN_RULES.flatMap((rule) => {
    const reason = rule.fires(f)
    return reason ? [{ reason, weight: weight(rule) }] : []
  })
    .sort((a, b) => b.weight - a.weight)
    .map((r) => r.reason)
}

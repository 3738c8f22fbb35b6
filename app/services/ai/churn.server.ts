/**
 * Churn risk for admins: which active clients and freelancers are likely to do nothing in the next
 * 60 days, and why. A logistic regression is fitted on the platform's own history with a time
 * split: features as of a cut-off 120 days ago, labelled by whether the account did anything in the
 * 60 days after; it is measured on accounts as of 60 days ago (labels: the 60 days up to now), which
 * it never saw. With too few examples the documented rule score (churn-rules.ts) is used instead.
 */
import { spreadsheetCsv } from '~/utils/spreadsheet-csv'
import { listChurnFacts, type ChurnFactsRow } from '~/models/churn.server'
import { areaUnderCurve, contributions, evenSample, fitLogistic, predictLogistic, type LogisticModel } from './logistic'
import {
  CHURN_BANDS,
  bandOf,
  CHURN_FEATURES,
  CHURN_RULES,
  churnFeatures,
  churnReasons,
  ruleScore,
  type ChurnBand,
  type ChurnFacts,
} from './churn-rules'

const DAY_MS = 86_400_000
export const CHURN_HORIZON_DAYS = 60
/** Below this many training accounts, or 20 of either outcome, the rule score stands in for a model. */
export const MIN_CHURN_EXAMPLES = 200
const MIN_EACH_OUTCOME = 20
/** Rows the gradient descent sees at most, evenly spread, so a fit stays within a second or two. */
const MAX_FIT_ROWS = 20_000

function factsOf(row: ChurnFactsRow, cutoff: number): ChurnFacts {
  return {
    role: row.role,
    recent: row.recent,
    earlier: row.earlier,
    idleDays: Math.floor((cutoff - row.lastAt) / DAY_MS),
    unanswered: row.unanswered,
    decided: row.decided,
    won: row.won,
    unpaid: row.unpaid,
    disputes: row.disputes,
  }
}

/** Examples as of `cutoff`: features, and 1 when the account did nothing in the horizon after it. */
async function examplesAt(cutoff: number) {
  const rows = await listChurnFacts(cutoff, CHURN_HORIZON_DAYS)
  return {
    x: rows.map((row) => churnFeatures(factsOf(row, cutoff))),
    rules: rows.map((row) => ruleScore(factsOf(row, cutoff))),
    y: rows.map((row) => (row.after === 0 ? 1 : 0)),
  }
}

const count = (labels: number[], value: number) => labels.filter((y) => y === value).length

export type ChurnEvaluation = {
  fitCutoff: Date
  testCutoff: Date
  trained: { accounts: number; left: number }
  heldOut: { accounts: number; left: number }
  /** AUC of the rule score on the held-out accounts (null when they hold only one outcome). */
  ruleAuc: number | null
} & ({ kind: 'model'; model: LogisticModel; auc: number | null } | { kind: 'rules' })

const finite = (n: number) => (Number.isFinite(n) ? n : null)

/** Fits on the older cut-off and measures on the newer one (what /admin/churn and `npm run ai:eval` report). */
export async function evaluateChurn(now = new Date()): Promise<ChurnEvaluation> {
  const testCutoff = now.getTime() - CHURN_HORIZON_DAYS * DAY_MS
  const fitCutoff = testCutoff - CHURN_HORIZON_DAYS * DAY_MS
  const [train, test] = await Promise.all([examplesAt(fitCutoff), examplesAt(testCutoff)])
  const base = {
    fitCutoff: new Date(fitCutoff),
    testCutoff: new Date(testCutoff),
    trained: { accounts: train.y.length, left: count(train.y, 1) },
    heldOut: { accounts: test.y.length, left: count(test.y, 1) },
    ruleAuc: finite(areaUnderCurve(test.rules, test.y)),
  }
  const enough =
    train.y.length >= MIN_CHURN_EXAMPLES &&
    count(train.y, 1) >= MIN_EACH_OUTCOME &&
    count(train.y, 0) >= MIN_EACH_OUTCOME
  if (!enough) return { ...base, kind: 'rules' }
  const picked = evenSample(
    train.x.map((x, i) => ({ x, y: train.y[i]! })),
    MAX_FIT_ROWS,
  )
  const model = fitLogistic(
    picked.map((p) => p.x),
    picked.map((p) => p.y),
    [...CHURN_FEATURES],
  )
  const auc = finite(
    areaUnderCurve(
      test.x.map((x) => predictLogistic(model, x)),
      test.y,
    ),
  )
  return { ...base, kind: 'model', model, auc }
}

type ChurnRow = {
  userId: string
  name: string
  email: string
  role: 'client' | 'freelancer'
  /** 0–1: the model's probability of leaving, or the rule score / 100. */
  risk: number
  band: ChurnBand
  reasons: string[]
  idleDays: number
}

/** Every account active in the last 90 days, scored now, riskiest first. */
async function scoreNow(evaluation: ChurnEvaluation, now: number): Promise<ChurnRow[]> {
  const rows = await listChurnFacts(now, 0)
  return rows
    .map((row) => {
      const facts = factsOf(row, now)
      const x = churnFeatures(facts)
      const model = evaluation.kind === 'model' ? evaluation.model : null
      const risk = model ? predictLogistic(model, x) : ruleScore(facts) / 100
      return {
        userId: row.userId,
        name: row.name,
        email: row.email,
        role: row.role,
        risk,
        band: bandOf(risk),
        reasons: churnReasons(facts, model ? contributions(model, x) : undefined),
        idleDays: facts.idleDays,
      }
    })
    .sort((a, b) => b.risk - a.risk || a.name.localeCompare(b.name))
}

/** Fitting and scoring read months of history: one computation serves an hour. */
const CACHE_MS = 60 * 60_000
let cached: { at: number; value: Promise<{ evaluation: ChurnEvaluation; rows: ChurnRow[] }> } | undefined

async function compute(now: Date) {
  const evaluation = await evaluateChurn(now)
  return { evaluation, rows: await scoreNow(evaluation, now.getTime()) }
}

export type ChurnFilter = { role?: 'client' | 'freelancer'; band?: ChurnBand }

/** The churn list with the filters applied, and how it was scored. */
export async function loadChurnRisk(filter: ChurnFilter, now = new Date()) {
  if (!cached || now.getTime() - cached.at > CACHE_MS || now.getTime() < cached.at) {
    cached = { at: now.getTime(), value: compute(now) }
    cached.value.catch(() => (cached = undefined))
  }
  const { evaluation, rows } = await cached.value
  const bands = Object.fromEntries(
    CHURN_BANDS.map((band) => [band, rows.filter((r) => r.band === band).length]),
  ) as Record<ChurnBand, number>
  return {
    evaluation,
    scoredAt: new Date(cached.at),
    bands,
    rows: rows.filter((r) => (!filter.role || r.role === filter.role) && (!filter.band || r.band === filter.band)),
  }
}

/** Every filtered row as CSV, reasons joined with "; ". */
export async function churnCsv(filter: ChurnFilter, now = new Date()): Promise<string> {
  const { rows } = await loadChurnRisk(filter, now)
  return spreadsheetCsv(
    rows.map((r) => [
      r.userId,
      r.name,
      r.email,
      r.role,
      r.band,
      Math.round(r.risk * 100),
      r.idleDays,
      r.reasons.join('; '),
    ]),
    { header: true, columns: ['user_id', 'name', 'email', 'role', 'band', 'risk_percent', 'days_idle', 'reasons'] },
  )
}

const PAGE_SIZE = 50

/** What /admin/churn shows: one page of the filtered rows, the band counts, and how the risk was computed. */
export async function churnPage(filter: ChurnFilter & { page: number }, now = new Date()) {
  const { evaluation, scoredAt, bands, rows } = await loadChurnRisk(filter, now)
  const { kind, fitCutoff, testCutoff, trained, heldOut, ruleAuc } = evaluation
  return {
    method: {
      kind,
      fitCutoff,
      testCutoff,
      trained,
      heldOut,
      ruleAuc,
      auc: evaluation.kind === 'model' ? evaluation.auc : null,
      weights:
        evaluation.kind === 'model'
          ? evaluation.model.features.map((feature, i) => ({ feature, weight: evaluation.model.coefficients[i]! }))
          : [],
      horizonDays: CHURN_HORIZON_DAYS,
      minExamples: MIN_CHURN_EXAMPLES,
      rules: CHURN_RULES.map((rule) => ({ points: rule.points, describe: rule.describe })),
    },
    scoredAt,
    bands,
    total: rows.length,
    pageSize: PAGE_SIZE,
    rows: rows.slice((filter.page - 1) * PAGE_SIZE, filter.page * PAGE_SIZE),
  }
}

/**
 * The admin analytics' counted facts, shared by the queries that count them (app/models) and the
 * figures computed from them (app/services/analytics).
 */

/** What happened on one platform day (or in one live window), in the reporting currency. */
export type DayFacts = {
  /** Platform fees recognised in the ledger (entries into platform revenue). */
  revenueMinor: number
  /** What clients paid for delivered work: the freelancer's share plus the fee and its tax. */
  grossMinor: number
  /** Ledger transactions of any kind. */
  transactions: number
  newProjects: number
  /** New projects budgeted in the reporting currency, and the sum of their budget midpoints. */
  pricedProjects: number
  projectBudgetMinor: number
  newClients: number
  newFreelancers: number
  milestonesReleased: number
  milestonesRefunded: number
  /** Money into escrow less money out of it. */
  escrowNetMinor: number
}

export const FACT_KEYS = [
  'revenueMinor',
  'grossMinor',
  'transactions',
  'newProjects',
  'pricedProjects',
  'projectBudgetMinor',
  'newClients',
  'newFreelancers',
  'milestonesReleased',
  'milestonesRefunded',
  'escrowNetMinor',
] as const satisfies readonly (keyof DayFacts)[]

export const NO_FACTS: Readonly<DayFacts> = Object.fromEntries(FACT_KEYS.map((key) => [key, 0])) as DayFacts

/** Projects posted in a window: by status now, and how far they got (proposal, hire, completed). */
export type PostingCounts = {
  posted: number
  open: number
  closedHired: number
  closedNoHire: number
  proposed: number
  hired: number
  completed: number
}

export const NO_POSTINGS: Readonly<PostingCounts> = {
  posted: 0,
  open: 0,
  closedHired: 0,
  closedNoHire: 0,
  proposed: 0,
  hired: 0,
  completed: 0,
}

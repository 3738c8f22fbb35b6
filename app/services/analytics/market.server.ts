/**
 * Market intelligence from the platform's own projects and profiles: demand per skill over the
 * last 90 days (and its trend: the last 45 days against the 45 before), median budgets and hourly
 * rates by skill and level, supply, and the skills rising fastest.
 */
import { median } from 'simple-statistics'
import { findMarketSnapshot, findMarketSnapshotTime, saveMarketSnapshot } from '~/models/analytics-rollups.server'
import { listSkillDemand, listSkillSupply } from '~/models/market.server'
import { chartBlock } from './chart-block'
import { bucketsFor } from './periods'
import { analyticsSettings } from './rollups.server'

const DAY_MS = 86_400_000
const WINDOW_DAYS = 90
/** Skills shown in the tables: the most demanded. */
const TOP_SKILLS = 15

type SkillRow = {
  skill: string
  demand: number
  previousHalf: number
  lastHalf: number
  supply: number
  medianFixedBudgetMinor: number | null
  /** By the level the project asks for. */
  medianFixedBudgetMinorByLevel: Partial<Record<string, number>>
  /** By the freelancer's level. */
  medianHourlyRateMinor: Partial<Record<string, number>>
  /** Change of demand, last 45 days against the 45 before, in percent; null without earlier demand. */
  growth: number | null
}

const medianOrNull = (values: number[]) => (values.length ? Math.round(median(values)) : null)
const mediansByLevel = (values: Map<string, number[]>) =>
  Object.fromEntries([...values].map(([level, list]) => [level, medianOrNull(list)!]))
function pushTo(values: Map<string, number[]>, level: string, value: number) {
  const list = values.get(level)
  if (list) list.push(value)
  else values.set(level, [value])
}

/**
 * The market moves slowly and every freelancer dashboard reads it: the market-snapshot job computes
 * it every 10 minutes and stores it, so a page reads one row. Without a fresh snapshot (a new
 * database, a stopped job) it is computed here and kept 10 minutes in this process.
 */
const CACHE_MS = 10 * 60_000
const SNAPSHOT_MAX_AGE_MS = 30 * 60_000
let cached: { at: number; value: Promise<Market> } | undefined
/** The last snapshot parsed and when it was made, shared like `cached` (callers only read the market). */
let parsedSnapshot: { computedAt: number; market: Market } | undefined

export type Market = Awaited<ReturnType<typeof computeMarket>>

/**
 * The stored snapshot's time as last read, and when it was read. Every freelancer dashboard asks; the
 * job writes a new one every 10 minutes, so the time is read again only after a few seconds.
 */
let checked: { at: number; currency: string; computedAt: number | null } | undefined
const RECHECK_MS = 5_000

async function snapshotTime(currency: string, now: Date): Promise<number | null> {
  const at = now.getTime()
  if (checked?.currency === currency && at >= checked.at && at - checked.at < RECHECK_MS) return checked.computedAt
  const computedAt = await findMarketSnapshotTime(currency)
  checked = { at, currency, computedAt }
  return computedAt
}

export async function loadMarket(now = new Date()): Promise<Market> {
  const { currency } = analyticsSettings()
  const computedAt = await snapshotTime(currency, now)
  const age = computedAt === null ? -1 : now.getTime() - computedAt
  if (computedAt !== null && age >= 0 && age <= SNAPSHOT_MAX_AGE_MS) {
    // Reading and parsing the stored market (tens of KB) cost every dashboard load; a snapshot of
    // the same time is the same text, so it is read again only when a newer one was written.
    if (parsedSnapshot?.computedAt !== computedAt) {
      const snapshot = await findMarketSnapshot(currency)
      if (snapshot) parsedSnapshot = { computedAt: snapshot.computedAt, market: JSON.parse(snapshot.body) }
    }
    if (parsedSnapshot && parsedSnapshot.computedAt >= computedAt) return parsedSnapshot.market
  }
  if (!cached || now.getTime() - cached.at > CACHE_MS || now.getTime() < cached.at) {
    cached = { at: now.getTime(), value: computeMarket(now) }
    cached.value.catch(() => (cached = undefined))
  }
  return cached.value
}

/** The market-snapshot job: computes the market now and stores it for the pages. */
export async function snapshotMarket(now: Date): Promise<{ skills: number }> {
  const market = await computeMarket(now)
  await saveMarketSnapshot(market.currency, JSON.stringify(market), now)
  return { skills: market.skills.length }
}

async function computeMarket(now: Date) {
  const { currency, timeZone } = analyticsSettings()
  const since = now.getTime() - WINDOW_DAYS * DAY_MS
  const half = now.getTime() - (WINDOW_DAYS / 2) * DAY_MS
  const [demand, supply] = await Promise.all([listSkillDemand(since, currency), listSkillSupply(currency)])
  const bySkill = new Map<
    string,
    SkillRow & { budgets: number[]; budgetsByLevel: Map<string, number[]>; rates: Map<string, number[]> }
  >()
  const row = (skill: string) => {
    let found = bySkill.get(skill)
    if (!found) {
      found = {
        skill,
        demand: 0,
        previousHalf: 0,
        lastHalf: 0,
        supply: 0,
        medianFixedBudgetMinor: null,
        medianFixedBudgetMinorByLevel: {},
        medianHourlyRateMinor: {},
        growth: null,
        budgets: [],
        budgetsByLevel: new Map(),
        rates: new Map(),
      }
      bySkill.set(skill, found)
    }
    return found
  }
  for (const d of demand) {
    const r = row(d.skill)
    r.demand++
    if (d.at >= half) r.lastHalf++
    else r.previousHalf++
    if (d.budgetType === 'fixed' && d.midMinor !== null) {
      r.budgets.push(d.midMinor)
      pushTo(r.budgetsByLevel, d.level, d.midMinor)
    }
  }
  for (const s of supply) {
    const r = row(s.skill)
    r.supply++
    if (s.rateMinor !== null) pushTo(r.rates, s.level, s.rateMinor)
  }
  const rows: SkillRow[] = [...bySkill.values()].map(({ budgets, budgetsByLevel, rates, ...r }) => ({
    ...r,
    medianFixedBudgetMinor: medianOrNull(budgets),
    medianFixedBudgetMinorByLevel: mediansByLevel(budgetsByLevel),
    medianHourlyRateMinor: mediansByLevel(rates),
    growth: r.previousHalf ? ((r.lastHalf - r.previousHalf) / r.previousHalf) * 100 : null,
  }))
  const top = rows.filter((r) => r.demand > 0).sort((a, b) => b.demand - a.demand || a.skill.localeCompare(b.skill))
  const rising = rows
    .filter((r) => r.growth !== null && r.lastHalf >= 3)
    .sort((a, b) => b.growth! - a.growth! || b.lastHalf - a.lastHalf)
    .slice(0, 5)
  const weeks = bucketsFor('week', since, now.getTime(), timeZone)
  const trendSkills = top.slice(0, 3).map((r) => r.skill)
  const trend = chartBlock(
    { id: 'demand-trend', title: 'Projects posted per week, top 3 skills', kind: 'line', labelHeading: 'Week' },
    weeks.map((w) => w.label),
    trendSkills.map((skill) => ({
      name: skill,
      values: weeks.map((w) => demand.filter((d) => d.skill === skill && d.at >= w.start && d.at < w.end).length),
    })),
  )
  const topSkills = top.slice(0, TOP_SKILLS)
  const demandChart = chartBlock(
    {
      id: 'demand',
      title: `Demand and supply, the ${TOP_SKILLS} most requested skills (last ${WINDOW_DAYS} days)`,
      kind: 'bar',
      labelHeading: 'Skill',
    },
    topSkills.map((r) => r.skill),
    [
      { name: 'Projects posted', values: topSkills.map((r) => r.demand) },
      { name: 'Freelancers', values: topSkills.map((r) => r.supply) },
    ],
  )

  return { currency, windowDays: WINDOW_DAYS, skills: top.slice(0, TOP_SKILLS), rising, charts: [demandChart, trend] }
}

/** How many skills the dashboard suggests. */
const SUGGESTED = 3

type MarketSkill = Market['skills'][number]

/**
 * The market's skills, best demand per freelancer first, ranked once per market (a market is read
 * from a snapshot and kept, so every dashboard load shares it): sorting its ~450 skills cost about
 * 0.1 ms of each load. The sort is stable, so taking the first few a freelancer lacks from this
 * ranking picks what sorting their own remaining skills would.
 */
const rankedSkills = new WeakMap<Market, MarketSkill[]>()
function byDemandPerFreelancer(market: Market): MarketSkill[] {
  let ranked = rankedSkills.get(market)
  if (!ranked) {
    ranked = [...market.skills].sort((a, b) => b.demand / (b.supply + 1) - a.demand / (a.supply + 1))
    rankedSkills.set(market, ranked)
  }
  return ranked
}

/**
 * Skills in demand the freelancer does not list yet (`ownSkills`, their skill names, which the
 * dashboard has already read), best demand per freelancer first.
 */
export async function suggestSkills(ownSkills: readonly string[], now = new Date()) {
  const have = new Set(ownSkills)
  const suggested: { skill: string; demand: number; supply: number }[] = []
  for (const s of byDemandPerFreelancer(await loadMarket(now))) {
    if (suggested.length === SUGGESTED) break
    if (!have.has(s.skill)) suggested.push({ skill: s.skill, demand: s.demand, supply: s.supply })
  }
  return suggested
}

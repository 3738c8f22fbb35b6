/**
 * The admin figures beyond the daily sums, over any range: active users, the top freelancers and
 * clients, the projects posted by status and skill, the funnel and the top projects. Whole days
 * come from the people and postings rollups; today, and any day not rolled up yet, is counted live
 * with the same queries, so a rolled-up range and a live one give the same figures.
 */
import { NO_POSTINGS, type PostingCounts } from '~/domain/analytics-facts'
import {
  countPostingsInWindows,
  countSkillsInWindows,
  listActiveUsersInWindows,
  listTopProjectIdsInWindows,
  listTopProjects,
  sumPaidForWorkInWindows,
  type WindowAmount,
} from '~/models/analytics-cohorts.server'
import {
  ensureUserOrdinals,
  listNamedUsers,
  listPeopleRollups,
  listPostingsRollups,
  maxUserOrdinal,
  savePeopleRollups,
  savePostingsRollups,
} from '~/models/analytics-rollups.server'
import type { Window } from '~/models/analytics.server'
import { SKILL_CATEGORIES, SKILL_ENTRIES } from '~/services/marketplace/skills-taxonomy'
import { countDistinctPeople, encodeAmounts, encodeOrdinals, topTotals, type PersonTotal } from './ordinal-sets'
import type { DayWindow, Period } from './periods'

const TOP = 5

const CATEGORY_OF = new Map<string, string>(SKILL_ENTRIES.map((entry) => [entry.name, entry.category]))

/** Projects per skill category (a project counts once per skill it asks for); unknown skills are "Other". */
function categoryCounts(rows: readonly { skill: string; projects: number }[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const row of rows) {
    const category = CATEGORY_OF.get(row.skill) ?? 'Other'
    counts.set(category, (counts.get(category) ?? 0) + row.projects)
  }
  return counts
}

function sortedCategories(counts: ReadonlyMap<string, number>) {
  return [...SKILL_CATEGORIES, 'Other']
    .map((category) => ({ category, projects: counts.get(category) ?? 0 }))
    .filter((row) => row.projects > 0)
    .sort((a, b) => b.projects - a.projects || a.category.localeCompare(b.category))
}

/** A day still running (today) is never taken from a rollup. */
const isWhole = (day: DayWindow) => day.end - day.start >= 23 * 3_600_000

/** The days with a stored row, and the windows to count live (the others). */
function split<R extends { day: string }>(days: readonly DayWindow[], rows: readonly R[]) {
  const byDay = new Map(rows.map((row) => [row.day, row]))
  const stored: R[] = []
  const live: Window[] = []
  for (const day of days) {
    const row = isWhole(day) ? byDay.get(day.day) : undefined
    if (row) stored.push(row)
    else live.push({ start: day.start, end: day.end })
  }
  return { stored, live }
}

function perWindow<T extends { k: number }>(rows: readonly T[], count: number): T[][] {
  const grouped: T[][] = Array.from({ length: count }, () => [])
  for (const row of rows) grouped[row.k]!.push(row)
  return grouped
}

async function namedTop(candidates: PersonTotal[]) {
  const users = await listNamedUsers(
    candidates.flatMap((c) => (c.ordinal !== null ? [c.ordinal] : [])),
    candidates.flatMap((c) => (c.ordinal === null ? [c.userId] : [])),
  )
  const byOrdinal = new Map(users.map((u) => [u.ordinal, u]))
  const byId = new Map(users.map((u) => [u.userId, u]))
  return candidates
    .flatMap((c) => {
      const user = c.ordinal !== null ? byOrdinal.get(c.ordinal) : byId.get(c.userId)
      return user ? [{ userId: user.userId, name: user.name, amountMinor: c.amountMinor }] : []
    })
    .sort((a, b) => b.amountMinor - a.amountMinor || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, TOP)
}

/** Active users now and in the previous period, and the top freelancers and clients now. */
async function loadPeople(period: Period, currency: string) {
  const current = period.days ?? []
  const previous = period.previousDays ?? []
  const rows =
    period.days && period.previousDays
      ? await listPeopleRollups(previous[0]!.day, current[current.length - 1]!.day, period.timeZone, currency)
      : []
  const now = split(current, rows)
  const before = split(previous, rows)
  const liveNow = period.days ? now.live : [{ start: period.start, end: period.end }]
  const liveBefore = period.days ? before.live : [{ start: period.previousStart, end: period.previousEnd }]
  const [active, { earnings, spend }, maxOrdinal] = await Promise.all([
    listActiveUsersInWindows([...liveNow, ...liveBefore]),
    sumPaidForWorkInWindows(liveNow, currency),
    maxUserOrdinal(),
  ])
  const nowCount = liveNow.length
  const activeNow = active.filter((a) => a.k < nowCount)
  const activeBefore = active.filter((a) => a.k >= nowCount)
  return {
    activeNow: countDistinctPeople(
      now.stored.map((r) => r.active),
      activeNow,
      maxOrdinal,
    ),
    activeBefore: countDistinctPeople(
      before.stored.map((r) => r.active),
      activeBefore,
      maxOrdinal,
    ),
    freelancers: await namedTop(
      topTotals(
        now.stored.map((r) => r.earnings),
        earnings,
        maxOrdinal,
        TOP,
      ),
    ),
    clients: await namedTop(
      topTotals(
        now.stored.map((r) => r.spend),
        spend,
        maxOrdinal,
        TOP,
      ),
    ),
  }
}

/** The projects posted in the period: status, funnel, skill categories and the five largest budgets. */
async function loadPostings(period: Period, currency: string) {
  const days = period.days ?? []
  const rows = period.days
    ? await listPostingsRollups(days[0]!.day, days[days.length - 1]!.day, period.timeZone, currency)
    : []
  const { stored, live } = period.days
    ? split(days, rows)
    : { stored: [], live: [{ start: period.start, end: period.end }] }
  const [counts, skillRows, topRows] = await Promise.all([
    countPostingsInWindows(live),
    countSkillsInWindows(live),
    listTopProjectIdsInWindows(live, currency, TOP),
  ])
  const total = { ...NO_POSTINGS }
  for (const c of [...stored, ...counts])
    for (const key of Object.keys(total) as (keyof PostingCounts)[]) total[key] += c[key]
  const categories = categoryCounts(skillRows)
  for (const row of stored) {
    for (const [category, projects] of Object.entries(JSON.parse(row.categories) as Record<string, number>)) {
      categories.set(category, (categories.get(category) ?? 0) + projects)
    }
  }
  const ids = [
    ...stored.flatMap((row) => JSON.parse(row.topProjectIds) as string[]),
    ...topRows.map((r) => r.projectId),
  ]
  const projects = await listTopProjects(ids, TOP)
  return {
    postings: total,
    categories: sortedCategories(categories),
    projects,
    /** As of when the stored days' statuses were counted (the oldest); null when all is live. */
    countedAt: stored.length ? Math.min(...stored.map((r) => r.computedAt)) : null,
  }
}

export async function loadRangeDetails(period: Period, currency: string) {
  const [people, postings] = await Promise.all([loadPeople(period, currency), loadPostings(period, currency)])
  return { ...people, ...postings }
}

const amountsByOrdinal = (rows: readonly WindowAmount[], ordinals: ReadonlyMap<string, number>) =>
  new Map(rows.map((r) => [ordinals.get(r.userId)!, r.amountMinor]))

/** One stored row per whole day: its key (day, time zone, currency), `fields` of the day's index, and when. */
function dayRows<Fields>(
  days: readonly DayWindow[],
  key: { timeZone: string; currency: string; computedAt: Date },
  fields: (k: number) => Fields,
) {
  return days.map((day, k) => ({
    day: day.day,
    timeZone: key.timeZone,
    currency: key.currency,
    ...fields(k),
    computedAt: key.computedAt,
  }))
}

/** Stores who was active and the money per person for each whole day (the nightly job, the backfill). */
export async function rollUpPeople(days: readonly DayWindow[], timeZone: string, currency: string, now: Date) {
  const [active, { earnings, spend }] = await Promise.all([
    listActiveUsersInWindows(days),
    sumPaidForWorkInWindows(days, currency),
  ])
  const ordinals = await ensureUserOrdinals([...new Set([...active, ...earnings, ...spend].map((r) => r.userId))])
  const activeByDay = perWindow(active, days.length)
  const earningsByDay = perWindow(earnings, days.length)
  const spendByDay = perWindow(spend, days.length)
  await savePeopleRollups(
    dayRows(days, { timeZone, currency, computedAt: now }, (k) => ({
      active: encodeOrdinals(activeByDay[k]!.map((r) => ordinals.get(r.userId)!)),
      earnings: encodeAmounts(amountsByOrdinal(earningsByDay[k]!, ordinals)),
      spend: encodeAmounts(amountsByOrdinal(spendByDay[k]!, ordinals)),
    })),
  )
}

/** Recounts the projects posted on each whole day: where they stand now, their skill categories, the top budgets. */
export async function recountPostings(days: readonly DayWindow[], timeZone: string, currency: string, now: Date) {
  const [counts, skillRows, topRows] = await Promise.all([
    countPostingsInWindows(days),
    countSkillsInWindows(days),
    listTopProjectIdsInWindows(days, currency, TOP),
  ])
  const skillsByDay = perWindow(skillRows, days.length)
  const topByDay = perWindow(topRows, days.length)
  await savePostingsRollups(
    dayRows(days, { timeZone, currency, computedAt: now }, (k) => ({
      ...counts[k]!,
      categories: JSON.stringify(Object.fromEntries(categoryCounts(skillsByDay[k]!))),
      topProjectIds: JSON.stringify(topByDay[k]!.map((r) => r.projectId)),
    })),
  )
}

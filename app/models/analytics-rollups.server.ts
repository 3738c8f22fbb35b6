/**
 * The per-day rollups of people (active users, money per person) and of postings (where each
 * day's projects stand), and the market snapshot. Counting is in analytics-cohorts.server; this
 * file only stores and reads.
 */
import { sql } from 'drizzle-orm'
import { getDb } from './db.server'
import { analyticsDailyPeople, analyticsDailyPostings, analyticsUserOrdinals, marketSnapshots } from './schema'
import { upsertRows } from './query-helpers.server'
import { preparedStatement } from './prepared-query.server'

/** Each user's ordinal, handing out new ones to those who have none yet. */
export async function ensureUserOrdinals(userIds: readonly string[]): Promise<Map<string, number>> {
  const db = getDb()
  const ordinals = new Map<string, number>()
  if (!userIds.length) return ordinals
  db.transaction((tx) => {
    for (const userId of userIds) {
      tx.insert(analyticsUserOrdinals).values({ userId }).onConflictDoNothing().run()
    }
  })
  // In chunks: SQLite takes a bounded number of parameters per statement.
  for (let i = 0; i < userIds.length; i += 500) {
    const chunk = userIds.slice(i, i + 500)
    const rows = db.all<{ userId: string; ordinal: number }>(
      sql`select user_id as userId, ordinal from analytics_user_ordinals where user_id in ${chunk}`,
    )
    for (const row of rows) ordinals.set(row.userId, row.ordinal)
  }
  return ordinals
}

/** The highest ordinal given out (0 when none): the size of a set over every user. */
export async function maxUserOrdinal(): Promise<number> {
  return getDb().get<{ n: number | null }>(sql`select max(ordinal) as n from analytics_user_ordinals`)?.n ?? 0
}

/** Users and their names by ordinal or id, for the top tables. */
export async function listNamedUsers(ordinals: readonly number[], userIds: readonly string[]) {
  const db = getDb()
  type Named = { userId: string; ordinal: number | null; name: string }
  const numbered = ordinals.length
    ? db.all<Named>(sql`select u.id as userId, o.ordinal as ordinal, u.name as name
        from analytics_user_ordinals o join users u on u.id = o.user_id where o.ordinal in ${ordinals}`)
    : []
  const unnumbered = userIds.length
    ? db.all<Named>(sql`select id as userId, null as ordinal, name from users where id in ${userIds}`)
    : []
  return [...numbered, ...unnumbered]
}

export type PeopleRow = typeof analyticsDailyPeople.$inferSelect
export type PostingsRow = typeof analyticsDailyPostings.$inferSelect

export async function savePeopleRollups(rows: PeopleRow[]): Promise<void> {
  upsertRows(
    analyticsDailyPeople,
    [analyticsDailyPeople.timeZone, analyticsDailyPeople.currency, analyticsDailyPeople.day],
    rows,
  )
}

export async function savePostingsRollups(rows: PostingsRow[]): Promise<void> {
  upsertRows(
    analyticsDailyPostings,
    [analyticsDailyPostings.timeZone, analyticsDailyPostings.currency, analyticsDailyPostings.day],
    rows,
  )
}

export async function listPeopleRollups(fromDay: string, toDay: string, timeZone: string, currency: string) {
  return getDb().all<Pick<PeopleRow, 'day' | 'active' | 'earnings' | 'spend'>>(sql`select day, active, earnings, spend
    from analytics_daily_people where time_zone = ${timeZone} and currency = ${currency} and day >= ${fromDay} and day <= ${toDay}`)
}

export async function listPostingsRollups(fromDay: string, toDay: string, timeZone: string, currency: string) {
  return getDb().all<Omit<PostingsRow, 'timeZone' | 'currency' | 'computedAt'> & { computedAt: number }>(sql`select day,
      posted, open, closed_hired as closedHired, closed_no_hire as closedNoHire, proposed, hired, completed,
      categories, top_project_ids as topProjectIds, computed_at as computedAt
    from analytics_daily_postings
    where time_zone = ${timeZone} and currency = ${currency} and day >= ${fromDay} and day <= ${toDay}`)
}

/** When the postings were last recounted (the oldest day's count), null before the first. */
export async function oldestPostingsCount(timeZone: string, currency: string): Promise<number | null> {
  return (
    getDb().get<{ at: number | null }>(sql`select min(computed_at) as at from analytics_daily_postings
      where time_zone = ${timeZone} and currency = ${currency}`)?.at ?? null
  )
}

export async function saveMarketSnapshot(currency: string, body: string, computedAt: Date): Promise<void> {
  getDb()
    .insert(marketSnapshots)
    .values({ currency, body, computedAt })
    .onConflictDoUpdate({ target: marketSnapshots.currency, set: { body, computedAt } })
    .run()
}

// Every freelancer dashboard load asks when the snapshot was made: compiled once per connection.
const marketSnapshotTimeOf = preparedStatement<{ computedAt: number }>(
  'select computed_at as computedAt from market_snapshots where currency = @currency',
)
const marketSnapshotOf = preparedStatement<{ body: string; computedAt: number }>(
  'select body, computed_at as computedAt from market_snapshots where currency = @currency',
)

/**
 * When the stored snapshot was made, without its body (tens of KB): a snapshot is written whole
 * with the time of its computation, so a reader that has parsed the body of that time has it.
 */
export async function findMarketSnapshotTime(currency: string): Promise<number | null> {
  return marketSnapshotTimeOf().get({ currency })?.computedAt ?? null
}

export async function findMarketSnapshot(currency: string) {
  return marketSnapshotOf().get({ currency }) ?? null
}

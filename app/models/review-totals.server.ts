import { sql, type SQL } from 'drizzle-orm'
import type { ReviewDirection } from '~/domain/enums'
import { getDb } from './db.server'
import { REVIEW_WINDOW_MS } from './reviews.server'

/** Each reviewee's visible ratings: their sum and how many. */
export type RatingTotals = Map<string, { sum: number; count: number }>

/** Below every contract end time: what "nothing folded yet" means (no fold row). */
const BEFORE_ALL = -1e300

/**
 * The ratings that show at `now` in one direction, as rows (id, s, n) of a subquery to group by id,
 * by the same rule as reviewVisibleSql but without a subquery per review: the totals folded up to
 * the fold's contract end time (E), plus the reviews whose contract ended after E and by `now` − the
 * window, or minus those that ended after `now` − the window and by E (a `now` before the fold:
 * tests). Both are short ranges of review_visibility_window_idx. `only` limits it to some reviewees.
 */
function visibleRatingRowsSql(direction: ReviewDirection, now: Date, only?: string[]): SQL {
  const ids = only ? sql`(select value from json_each(${JSON.stringify(only)}))` : null
  const onlyTotals = ids ? sql`and reviewee_id in ${ids}` : sql``
  return sql`
    select reviewee_id as id, rating_sum as s, review_count as n from review_rating_totals
    where direction = ${direction} ${onlyTotals}
    union all ${unfoldedRatingRowsSql(direction, now, ids)}`
}

/** The rows (id, s, n) visibleRatingRowsSql adds to or takes from the folded totals (a few). */
function unfoldedRatingRowsSql(direction: ReviewDirection, now: Date, ids: SQL | null): SQL {
  const shownIfEndedBy = now.getTime() - REVIEW_WINDOW_MS
  const onlyDelta = ids ? sql`and v.reviewee_id in ${ids}` : sql``
  const fold = sql`coalesce((select ended_through from review_totals_folded where id = 1), ${BEFORE_ALL})`
  return sql`
    select v.reviewee_id as id, v.rating as s, 1 as n from review_visibility v
    where v.both_reviewed = 0 and v.contract_ended_at > ${fold} and v.contract_ended_at <= ${shownIfEndedBy}
      and v.direction = ${direction} ${onlyDelta}
    union all
    select v.reviewee_id, -v.rating, -1 from review_visibility v
    where v.both_reviewed = 0 and v.contract_ended_at > ${shownIfEndedBy} and v.contract_ended_at <= ${fold}
      and v.direction = ${direction} ${onlyDelta}`
}

/**
 * Per reviewee, what the ratings that show at `now` add to (or take from) their folded totals in
 * review_rating_totals: rows (id, s, n) of the few reviews not folded yet, grouped once. Someone
 * without a row here shows exactly their folded totals.
 */
export function unfoldedRatingTotalsSql(direction: ReviewDirection, now: Date): SQL {
  return sql`select id, sum(s) as s, sum(n) as n from (${unfoldedRatingRowsSql(direction, now, null)}) group by id`
}

/**
 * These reviewees' sum and count of the ratings that show at `now` (those with none are left out);
 * `null`: everyone's (cheaper than a long list of ids).
 */
export function visibleRatingTotalsOf(direction: ReviewDirection, ids: string[] | null, now: Date): RatingTotals {
  if (ids && !ids.length) return new Map()
  const rows = getDb().all<{ id: string; sum: number; count: number }>(sql`
    select id, sum(s) as sum, sum(n) as count from (${visibleRatingRowsSql(direction, now, ids ?? undefined)})
    group by id having sum(n) > 0`)
  return new Map(rows.map((row) => [row.id, { sum: row.sum, count: row.count }]))
}

/**
 * A subquery of the ids of everyone whose ratings that show at `now` average at least `min` (the
 * mean as avg() computes it: the whole sum divided by the count).
 */
export function ratedAtLeastSql(direction: ReviewDirection, min: number, now: Date): SQL {
  return sql`(select id from (${visibleRatingRowsSql(direction, now)})
    group by id having sum(n) > 0 and cast(sum(s) as real) / sum(n) >= ${min})`
}

/**
 * The review-totals job: folds into the totals the reviews whose window has closed by `now` (their
 * contract ended by `now` − the window), so readers only add the few since. Safe to repeat; the
 * fold never moves back. Returns how many reviews it folded in.
 */
export async function foldClosedReviewWindows(now: Date): Promise<{ folded: number }> {
  const through = now.getTime() - REVIEW_WINDOW_MS
  return getDb().transaction(
    (tx) => {
      const e = tx.get<{ e: number } | undefined>(
        sql`select ended_through as e from review_totals_folded where id = 1`,
      )?.e
      const from = e ?? BEFORE_ALL
      if (through <= from) return { folded: 0 }
      const folded =
        tx.get<{ n: number }>(sql`
          select count(*) as n from review_visibility
          where both_reviewed = 0 and contract_ended_at > ${from} and contract_ended_at <= ${through}`)?.n ?? 0
      tx.run(sql`
        insert into review_rating_totals (reviewee_id, direction, rating_sum, review_count)
        select reviewee_id, direction, sum(rating), count(*) from review_visibility
        where both_reviewed = 0 and contract_ended_at > ${from} and contract_ended_at <= ${through}
        group by direction, reviewee_id
        on conflict (direction, reviewee_id) do update
        set rating_sum = rating_sum + excluded.rating_sum, review_count = review_count + excluded.review_count`)
      tx.run(sql`
        insert into review_totals_folded (id, ended_through) values (1, ${through})
        on conflict (id) do update set ended_through = excluded.ended_through`)
      return { folded }
    },
    { behavior: 'immediate' },
  )
}

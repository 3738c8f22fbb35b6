/**
 * The talent search (/freelancers): listed freelancers matching words and filters, one page of them,
 * and the skills among the matches. Words go through the same safe FTS5 expression as Find work
 * (pluralize, skill synonyms), over freelancers_fts (drizzle/0033_freelancers_fts.sql).
 */
import { sql, type SQL } from 'drizzle-orm'
import { PROFILE_CURRENCIES } from '~/domain/currency-digits'
import type { Availability } from '~/domain/enums'
import type { TalentSort } from '~/domain/talent-search-params'
import { currencyDigits } from '~/utils/format'
import { getDb } from './db.server'
import { isFtsError, toFtsQuery } from './project-search/fts-query'
import { visibleRatingJoinSql, visibleRatingTotalsOf } from './review-totals.server'

/** The rating smoothing of the published rank formula: as if 5 more reviews of 4 stars. */
const RATING_PRIOR = { reviews: 5, rating: 4 } as const
/** bm25 weights per column (name, headline, bio, skills): a word in the skills counts most. */
const BM25_WEIGHTS = sql.raw('3.0, 5.0, 1.0, 10.0')
const TOP_SKILLS = 6

export type TalentSearchInput = {
  q?: string
  /** Other names a word of q may be found by (lower-case word → names). */
  qSynonyms?: Readonly<Record<string, readonly string[]>>
  /** Skill names: a freelancer matches when they list every one. */
  skills?: string[]
  /** Hourly rate bounds in major units of each freelancer's currency. */
  rateMin?: number
  rateMax?: number
  /** 'yes': full or part time; 'full_time': full time only. */
  available?: 'yes' | 'full_time'
  /** Visible reviews averaging at least this (0: any visible review). */
  ratingMin?: number
  /** A visitor without an account: freelancers who keep their profile to members are left out. */
  visitor?: boolean
  /** Only freelancers who joined after this instant and up to that one (saved-search alerts). */
  joinedAfter?: Date
  joinedUpTo?: Date
  sort?: TalentSort
  page?: number
  pageSize?: number
  now?: Date
}

type TalentRow = {
  id: string
  name: string
  headline: string
  hourlyRateMinor: number
  currency: string
  availability: Availability
  rating: number | null
  reviewCount: number
  /** The chosen skills first, then the others A to Z; at most six. */
  skills: string[]
  skillCount: number
}

export type TalentSearchResult = {
  rows: TalentRow[]
  total: number
  queryError: boolean
}

/**
 * Who the talent search lists: freelancers with a headline, an hourly rate and at least one skill
 * (enough to judge them from a card), never clients or admins, never blocked accounts. The profile
 * part is word for word the WHERE of freelancer_profiles_listed_idx, so SQLite reads that index.
 */
const LISTED_PROFILE = sql`trim(f.headline) <> '' and f.hourly_rate_minor > 0 and f.skill_count > 0`
/** Word for word the WHERE of users_unlisted_idx: the accounts never listed (a few). */
const UNLISTED_ACCOUNTS = sql`(select id from users where role <> 'freelancer' or blocked_at is not null)`
const MEMBERS_ONLY = sql`(select user_id from discovery_preferences where members_only = 1)`

/**
 * Rate bounds in major units of each freelancer's own currency: most currencies have cents, so the
 * test is a plain comparison; only a currency with other minor units is scaled (a CASE evaluated on
 * every row cost more than the rest of the search).
 */
function rateBoundSql(op: '>=' | '<=', major: number): SQL {
  const odd = PROFILE_CURRENCIES.filter((code) => currencyDigits(code) !== 2)
  const cents = sql`f.hourly_rate_minor ${sql.raw(op)} ${major * 100}`
  if (!odd.length) return cents
  const codes = sql.join(
    odd.map((code) => sql`${code}`),
    sql`, `,
  )
  const scaled = sql`f.hourly_rate_minor ${sql.raw(op)} ${major} * (case f.currency ${sql.join(
    odd.map((code) => sql`when ${code} then ${10 ** currencyDigits(code)}`),
    sql` `,
  )} end)`
  return sql`((f.currency not in (${codes}) and ${cents}) or (f.currency in (${codes}) and ${scaled}))`
}

type Rating = ReturnType<typeof visibleRatingJoinSql>

function conditionsFor(input: TalentSearchInput, skillIds: number[], rating: Rating | null): SQL[] {
  const parts: SQL[] = [LISTED_PROFILE, sql`f.user_id not in ${UNLISTED_ACCOUNTS}`]
  if (input.visitor) parts.push(sql`f.user_id not in ${MEMBERS_ONLY}`)
  if (input.rateMin !== undefined) parts.push(rateBoundSql('>=', input.rateMin))
  if (input.rateMax !== undefined) parts.push(rateBoundSql('<=', input.rateMax))
  if (input.available === 'yes') parts.push(sql`f.availability in ('full_time', 'part_time')`)
  if (input.available === 'full_time') parts.push(sql`f.availability = 'full_time'`)
  for (const id of skillIds)
    parts.push(sql`f.user_id in (select user_id from freelancer_skills where skill_id = ${id})`)
  if (input.ratingMin !== undefined && rating)
    parts.push(sql`${rating.count} > 0 and ${rating.sum} >= ${input.ratingMin} * ${rating.count}`)
  if (input.joinedAfter || input.joinedUpTo) {
    const after = input.joinedAfter?.getTime() ?? -1
    const upTo = input.joinedUpTo?.getTime() ?? Number.MAX_SAFE_INTEGER
    parts.push(sql`f.user_id in (select id from users where created_at > ${after} and created_at <= ${upTo})`)
  }
  return parts
}

/** The rank formula's smoothed rating (as if 5 more reviews of 4 stars). */
function smoothedRating(rating: Rating): SQL {
  return sql`((${rating.sum} + ${RATING_PRIOR.reviews * RATING_PRIOR.rating}) * 1.0 / (${rating.count} + ${RATING_PRIOR.reviews}))`
}
const activeAt = sql`max(f.updated_at, coalesce(f.active_at, 0))`

function orderBy(sort: TalentSort, hasText: boolean, rating: Rating): SQL {
  switch (sort) {
    case 'rate_low':
      return sql`f.hourly_rate_minor asc, ${smoothedRating(rating)} desc, f.user_id`
    case 'rating':
      return sql`${smoothedRating(rating)} desc, ${rating.count} desc, f.user_id`
    case 'active':
      return sql`${activeAt} desc, f.user_id`
    case 'relevance':
      return hasText
        ? sql`hits.score asc, ${smoothedRating(rating)} desc, f.user_id`
        : sql`${smoothedRating(rating)} desc, ${activeAt} desc, f.user_id`
  }
}

function findSkillIds(names: string[]): number[] {
  if (!names.length) return []
  return getDb()
    .all<{ id: number }>(
      sql`select id from skills where name in (${sql.join(
        names.map((name) => sql`${name}`),
        sql`, `,
      )})`,
    )
    .map((row) => row.id)
}

/** How many listed freelancers match (no page, no facet): saved talent-search alerts. */
export async function countFreelancers(input: TalentSearchInput): Promise<number> {
  return (await searchFreelancers({ ...input, pageSize: 0 })).total
}

export async function searchFreelancers(input: TalentSearchInput): Promise<TalentSearchResult> {
  const db = getDb()
  const pageSize = Math.min(Math.max(0, Math.trunc(input.pageSize ?? 20)), 100)
  const page = Math.max(1, Math.trunc(input.page ?? 1))
  const sort = input.sort ?? 'relevance'
  const now = input.now ?? new Date()
  const match = toFtsQuery(input.q, input.qSynonyms)
  const chosen = [...new Set(input.skills ?? [])]
  const empty: TalentSearchResult = { rows: [], total: 0, queryError: false }
  try {
    const found = db.transaction(
      () => {
        const skillIds = findSkillIds(chosen)
        // A skill nobody has heard of matches nobody.
        if (skillIds.length < chosen.length) return null
        const rating = visibleRatingJoinSql('client_to_freelancer', now, sql`f.user_id`)
        // The listed profiles are read from their index (never the bios); with words, each is kept
        // when the full-text hits hold its rowid.
        const hits = match
          ? sql`with hits as materialized (select rowid as rid, bm25(freelancers_fts, ${BM25_WEIGHTS}) as score
                 from freelancers_fts where freelancers_fts match ${match})`
          : sql``
        const from = match
          ? sql`freelancer_profiles f cross join hits on hits.rid = f.rowid`
          : sql`freelancer_profiles f`
        const where = sql.join(conditionsFor(input, skillIds, rating), sql` and `)
        const ratingJoin = input.ratingMin !== undefined ? rating.join : sql``
        const total =
          db.get<{ n: number }>(sql`${hits} select count(*) as n from ${from} ${ratingJoin} where ${where}`)?.n ?? 0
        if (!total || !pageSize) return { total, ids: [] }
        const ids = db
          .all<{ id: string }>(
            sql`${hits}
              select f.user_id as id from ${from} ${rating.join}
              where ${where}
              order by ${orderBy(sort, match !== null, rating)}
              limit ${pageSize} offset ${(page - 1) * pageSize}`,
          )
          .map((row) => row.id)
        return { total, ids }
      },
      { behavior: 'deferred' },
    )
    if (!found) return empty
    return { rows: await cardsOf(found.ids, chosen, now), total: found.total, queryError: false }
  } catch (error) {
    // toFtsQuery only builds valid expressions; should one still fail, the page says so instead of a 500.
    if (isFtsError(error)) return { ...empty, queryError: true }
    throw error
  }
}

/** What a result card shows of each freelancer, in the order of `ids`. */
async function cardsOf(ids: string[], chosen: string[], now: Date): Promise<TalentRow[]> {
  if (!ids.length) return []
  const db = getDb()
  const list = JSON.stringify(ids)
  const found = new Map(
    db
      .all<Omit<TalentRow, 'rating' | 'reviewCount' | 'skills' | 'skillCount'>>(
        sql`
        select u.id, u.name, f.headline, f.hourly_rate_minor as hourlyRateMinor, f.currency, f.availability
        from freelancer_profiles f cross join users u on u.id = f.user_id
        where f.user_id in (select value from json_each(${list}))`,
      )
      .map((row) => [row.id, row]),
  )
  const ratings = visibleRatingTotalsOf('client_to_freelancer', ids, now)
  const skills = skillsOf(ids)
  return ids.flatMap((id) => {
    const row = found.get(id)
    if (!row) return []
    const own = skills.get(id) ?? []
    const rated = ratings.get(id)
    return [
      {
        ...row,
        rating: rated ? rated.sum / rated.count : null,
        reviewCount: rated?.count ?? 0,
        skills: [...own.filter((name) => chosen.includes(name)), ...own.filter((name) => !chosen.includes(name))].slice(
          0,
          TOP_SKILLS,
        ),
        skillCount: own.length,
      },
    ]
  })
}

function skillsOf(userIds: string[]): Map<string, string[]> {
  const result = new Map<string, string[]>()
  if (!userIds.length) return result
  for (const row of getDb().all<{ id: string; name: string }>(sql`
      select fs.user_id as id, s.name from freelancer_skills fs cross join skills s on s.id = fs.skill_id
      where fs.user_id in (select value from json_each(${JSON.stringify(userIds)})) order by s.name`))
    result.set(row.id, [...(result.get(row.id) ?? []), row.name])
  return result
}

/** Rebuilds the freelancer search index (after a VACUUM, which may renumber the rowids it is keyed by). */
export async function rebuildFreelancerSearchIndex(): Promise<number> {
  const db = getDb().$client
  return db.transaction(() => {
    db.prepare('delete from freelancers_fts').run()
    return db
      .prepare(
        `insert into freelancers_fts (rowid, name, headline, bio, skills)
         select f.rowid, u.name, f.headline, f.bio, coalesce((
           select group_concat(s.name, ' ') from freelancer_skills fs join skills s on s.id = fs.skill_id
           where fs.user_id = f.user_id), '')
         from freelancer_profiles f join users u on u.id = f.user_id`,
      )
      .run().changes
  })()
}

/**
 * The talent search (/freelancers): listed freelancers matching words and filters, one page of them,
 * and the skills among the matches. Words go through the same safe FTS5 expression as Find work
 * (pluralize, skill synonyms), over freelancers_fts (drizzle/0033_freelancers_fts.sql).
 */
import { sql, type SQL } from 'drizzle-orm'
import { PROFILE_CURRENCIES } from '~/domain/currency-digits'
import type { Availability } from '~/domain/enums'
import { RATING_PRIOR } from '~/domain/smoothed-rating'
import type { TalentSort } from '~/domain/talent-search-params'
import { currencyDigits } from '~/utils/format'
import { getDb } from './db.server'
import { isFtsError, toFtsQuery } from './project-search/fts-query'
import { unfoldedRatingTotalsSql, visibleRatingTotalsOf } from './review-totals.server'

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
  /** Only freelancers who became listable after this instant and up to that one (saved-search alerts). */
  listedAfter?: Date
  listedUpTo?: Date
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
 * part is word for word the WHERE of freelancer_profiles_listed_idx (and of the sort indexes), so
 * SQLite reads those indexes.
 */
const LISTED_PROFILE = sql`trim(f.headline) <> '' and f.hourly_rate_minor > 0 and f.skill_count > 0`
/** Word for word the WHERE of users_unlisted_idx: the accounts never listed (clients, admins, blocked). */
const UNLISTED_ACCOUNTS = sql`select id from users where role <> 'freelancer' or blocked_at is not null`
const MEMBERS_ONLY = sql`select user_id from discovery_preferences where members_only = 1`

/** The profile currencies whose minor unit is not a cent, by their number of decimals. */
const ODD_CURRENCIES = new Map<number, string[]>()
for (const code of PROFILE_CURRENCIES) {
  const digits = currencyDigits(code)
  if (digits !== 2) ODD_CURRENCIES.set(digits, [...(ODD_CURRENCIES.get(digits) ?? []), code])
}

function codesSql(codes: readonly string[]): SQL {
  return sql.join(
    codes.map((code) => sql`${code}`),
    sql`, `,
  )
}

/**
 * Rate bounds in major units of each freelancer's own currency: one range of minor units per number
 * of decimals (cents for most), each with its currencies. They never overlap, so a count adds up
 * one count per range, each read as a range of the listed index (an OR of them is not).
 */
function rateRangesSql(min: number | undefined, max: number | undefined): SQL[] | null {
  if (min === undefined && max === undefined) return null
  const range = (scale: number) =>
    sql.join(
      [
        ...(min === undefined ? [] : [sql`f.hourly_rate_minor >= ${min * scale}`]),
        ...(max === undefined ? [] : [sql`f.hourly_rate_minor <= ${max * scale}`]),
      ],
      sql` and `,
    )
  const odd = [...ODD_CURRENCIES.values()].flat()
  const ranges = [
    // Most profiles are in dollars: a plain comparison spares them the look-up in the list.
    sql`(${range(100)} and (f.currency = 'USD' or f.currency not in (${codesSql(odd)})))`,
    ...[...ODD_CURRENCIES].map(
      ([digits, codes]) => sql`(${range(10 ** digits)} and f.currency in (${codesSql(codes)}))`,
    ),
  ]
  return ranges
}

/**
 * A freelancer's rating as it shows now: the folded totals (`rt`) plus the few reviews not folded
 * yet (`d`, a row of the `delta` CTE). Everyone without a `d` row has exactly the stored
 * f.rating_count and f.rating_smoothed, which is what lets the sorts read an index.
 */
const RATING_JOINS = sql`left join review_rating_totals rt
  on rt.direction = 'client_to_freelancer' and rt.reviewee_id = f.user_id`
const liveSum = sql`(coalesce(rt.rating_sum, 0) + coalesce(d.s, 0))`
const liveCount = sql`(coalesce(rt.review_count, 0) + coalesce(d.n, 0))`
/** The rank formula's smoothing (app/domain/smoothed-rating.ts), as the stored column has it. */
const liveSmoothed = sql`((${liveSum} + ${RATING_PRIOR.reviews * RATING_PRIOR.rating}) * 1.0 / (${liveCount} + ${RATING_PRIOR.reviews}))`

/** What the search asks of a profile beside its rate (`rateRangesSql`) and who is never shown (`excludedSql`). */
function conditionsFor(input: TalentSearchInput, skillIds: number[]): SQL[] {
  const parts: SQL[] = [LISTED_PROFILE]
  if (input.available === 'yes') parts.push(sql`f.availability in ('full_time', 'part_time')`)
  if (input.available === 'full_time') parts.push(sql`f.availability = 'full_time'`)
  for (const id of skillIds)
    parts.push(sql`f.user_id in (select user_id from freelancer_skills where skill_id = ${id})`)
  if (input.ratingMin !== undefined)
    parts.push(sql`${liveCount} > 0 and ${liveSum} >= ${input.ratingMin} * ${liveCount}`)
  if (input.listedAfter || input.listedUpTo) {
    const after = input.listedAfter?.getTime() ?? -1
    const upTo = input.listedUpTo?.getTime() ?? Number.MAX_SAFE_INTEGER
    parts.push(sql`f.listed_at > ${after} and f.listed_at <= ${upTo}`)
  }
  return parts
}

/** The accounts never shown to this searcher (far fewer than the listed freelancers): their ids. */
function excludedSql(input: TalentSearchInput): SQL {
  return input.visitor ? sql`${UNLISTED_ACCOUNTS} union ${MEMBERS_ONLY}` : UNLISTED_ACCOUNTS
}

/**
 * The columns a sort may order by: each as the stored expression over `f` (word for word the
 * indexes' in drizzle/0035_talent_rating_listed.sql) and under its name in the page's union.
 */
const ORDER_COLUMNS = {
  rating: sql`f.rating_smoothed`,
  reviews: sql`f.rating_count`,
  active: sql`max(f.updated_at, coalesce(f.active_at, 0))`,
  rate: sql`f.hourly_rate_minor`,
  score: sql`hits.score`,
  id: sql`f.user_id`,
}
type OrderColumn = keyof typeof ORDER_COLUMNS
type OrderKey = [OrderColumn, 'asc' | 'desc']

function orderKeys(sort: TalentSort, hasText: boolean): OrderKey[] {
  switch (sort) {
    case 'rate_low':
      return [
        ['rate', 'asc'],
        ['rating', 'desc'],
        ['id', 'asc'],
      ]
    case 'rating':
      return [
        ['rating', 'desc'],
        ['reviews', 'desc'],
        ['id', 'asc'],
      ]
    case 'active':
      return [
        ['active', 'desc'],
        ['id', 'asc'],
      ]
    case 'relevance':
      return hasText
        ? [
            ['score', 'asc'],
            ['rating', 'desc'],
            ['id', 'asc'],
          ]
        : [
            ['rating', 'desc'],
            ['active', 'desc'],
            ['id', 'asc'],
          ]
  }
}

function orderBySql(keys: OrderKey[], column: (name: OrderColumn) => SQL): SQL {
  return sql.join(
    keys.map(([name, direction]) => sql`${column(name)} ${sql.raw(direction)}`),
    sql`, `,
  )
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
        // Without words the listed profiles are read from their indexes (never the bios); with words,
        // SQLite starts from the full-text hits. `delta`: the reviews not folded into the totals yet.
        const hits = match
          ? sql`hits as materialized (select rowid as rid, bm25(freelancers_fts, ${BM25_WEIGHTS}) as score
                 from freelancers_fts where freelancers_fts match ${match}), `
          : sql``
        const ctes = sql`with ${hits} delta as materialized (${unfoldedRatingTotalsSql('client_to_freelancer', now)})`
        const withHits = match ? sql`join hits on hits.rid = f.rowid` : sql``
        const ratingJoins =
          input.ratingMin !== undefined ? sql`${RATING_JOINS} left join delta d on d.id = f.user_id` : sql``
        const conditions = sql.join(conditionsFor(input, skillIds), sql` and `)
        const rates = rateRangesSql(input.rateMin, input.rateMax)
        const where = rates ? sql`${conditions} and (${sql.join(rates, sql` or `)})` : conditions
        const excluded = excludedSql(input)
        // Everyone matching (one count per rate range) less the never-shown accounts among them: a
        // look-up per never-shown account instead of one per listed freelancer.
        const count = (from: SQL, matching: SQL) =>
          sql`(select count(*) from ${from} ${withHits} ${ratingJoins} where ${matching})`
        const matching = (rates ?? [sql`1`]).map((range) =>
          count(sql`freelancer_profiles f`, sql`${conditions} and ${range}`),
        )
        const hidden = count(sql`(${excluded}) x cross join freelancer_profiles f on f.user_id = x.id`, where)
        const total =
          db.get<{ n: number }>(sql`${ctes} select ${sql.join(matching, sql` + `)} - ${hidden} as n`)?.n ?? 0
        if (!total || !pageSize) return { total, ids: [] }
        const offset = (page - 1) * pageSize
        const keys = orderKeys(sort, match !== null)
        const score = match ? sql`hits.score` : sql`0`
        // The page is the first `offset + pageSize` of everyone whose rating is stored as it shows,
        // read in the order of an index, plus those with reviews not folded yet (a few), rated live.
        const ids = db
          .all<{ id: string }>(
            sql`${ctes}
              select id from (
                select * from (
                  select f.user_id as id, f.rating_smoothed as rating, f.rating_count as reviews,
                    ${ORDER_COLUMNS.active} as active, f.hourly_rate_minor as rate, ${score} as score
                  from freelancer_profiles f ${withHits} ${ratingJoins}
                  where ${where} and f.user_id not in (${excluded}) and f.user_id not in (select id from delta)
                  order by ${orderBySql(keys, (name) => ORDER_COLUMNS[name])}
                  limit ${offset + pageSize})
                union all
                select f.user_id, ${liveSmoothed}, ${liveCount}, ${ORDER_COLUMNS.active}, f.hourly_rate_minor, ${score}
                from delta d cross join freelancer_profiles f on f.user_id = d.id ${withHits} ${RATING_JOINS}
                where ${where} and f.user_id not in (${excluded}))
              order by ${orderBySql(keys, (name) => sql.raw(name))}
              limit ${pageSize} offset ${offset}`,
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

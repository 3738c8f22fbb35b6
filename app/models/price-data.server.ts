import type { BudgetType, ExperienceLevel } from '../domain/enums'
import { getDb } from './db.server'

/*
 * The platform's own market data for price suggestions. Only rows in the asked currency are
 * returned as amounts (no conversion: a rate from another market would mislead); how many matched
 * in other currencies is counted so the page can say what was left out.
 */

export type PriceQuery = { skills: string[]; level: ExperienceLevel; currency: string }
/** `people`: how many different people the amounts in the asked currency come from. */
export type PriceSample = { amounts: number[]; people: number; otherCurrencyCount: number }

/** More than enough for stable quartiles; keeps one query bounded however big the platform gets. */
const SAMPLE_LIMIT = 5_000

/** The amounts `sql` finds for a query with skills (none without), split by the asked currency. */
function sampleAmounts(query: PriceQuery, sql: string, ...params: unknown[]): PriceSample {
  if (!query.skills.length) return { amounts: [], people: 0, otherCurrencyCount: 0 }
  const rows = getDb()
    .$client.prepare(sql)
    .all(...params) as Row[]
  return split(rows, query.currency)
}

type Row = { amount: number; currency: string; who: string }

function split(rows: Row[], currency: string): PriceSample {
  const amounts: number[] = []
  const people = new Set<string>()
  let otherCurrencyCount = 0
  for (const row of rows) {
    if (row.currency !== currency) {
      otherCurrencyCount++
      continue
    }
    amounts.push(Number(row.amount))
    people.add(row.who)
  }
  return { amounts, people: people.size, otherCurrencyCount }
}

const placeholders = (values: unknown[]) => values.map(() => '?').join(', ')

/**
 * Bids that were accepted and became contracts, on projects needing any of the skills at this level,
 * leaving out the contracts the viewer is a side of: they know those figures, so with them counted
 * the floor of different freelancers would let them work out the others' (4 of 5 known, the fifth
 * narrowed down). `people` then counts only freelancers of other people's contracts.
 */
export async function acceptedBidAmounts(
  query: PriceQuery & { bidType: BudgetType; viewerId: string },
): Promise<PriceSample> {
  return sampleAmounts(
    query,
    `select p.bid_amount_minor as amount, p.currency, p.freelancer_id as who
         from proposals p
         join contracts c on c.proposal_id = p.id
         join projects pr on pr.id = p.project_id
        where p.status = 'accepted' and p.bid_type = ? and pr.experience_level = ?
          and c.client_id != ? and c.freelancer_id != ?
          and exists (select 1 from project_skills ps join skills s on s.id = ps.skill_id
                       where ps.project_id = pr.id and s.name in (${placeholders(query.skills)}))
        order by p.created_at desc limit ?`,
    query.bidType,
    query.level,
    query.viewerId,
    query.viewerId,
    ...query.skills,
    SAMPLE_LIMIT,
  )
}

/** Hourly rates on the profiles of freelancers (not blocked) with any of the skills at this level. */
export async function freelancerHourlyRates(query: PriceQuery): Promise<PriceSample> {
  return sampleAmounts(
    query,
    `select fp.hourly_rate_minor as amount, fp.currency, fp.user_id as who
         from freelancer_profiles fp
         join users u on u.id = fp.user_id
        where fp.hourly_rate_minor is not null and fp.hourly_rate_minor > 0 and fp.experience_level = ? and u.blocked_at is null
          and exists (select 1 from freelancer_skills fs join skills s on s.id = fs.skill_id
                       where fs.user_id = fp.user_id and s.name in (${placeholders(query.skills)}))
        limit ?`,
    query.level,
    ...query.skills,
    SAMPLE_LIMIT,
  )
}

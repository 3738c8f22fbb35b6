import { getDb } from './db.server'

/**
 * What a contract paid for work, in its currency's minor units: its released milestones (a split
 * dispute's freelancer share where there was one) and its paid invoices. Raw SQL for a contract id
 * expression (`contracts.id`, `c.id`), shared by the review page and the job-success counts.
 */
export function paidForWorkSql(contractId: string): string {
  return `(
    coalesce((select sum(coalesce((select d.freelancer_share_minor from disputes d
          where d.milestone_id = m.id and d.decision = 'split'), m.amount_minor))
        from milestones m where m.contract_id = ${contractId} and +m.released_at is not null), 0)
    + coalesce((select sum(coalesce(i.payable_minor, i.amount_minor)) from invoices i
        where i.contract_id = ${contractId} and +i.status = 'paid'), 0))`
}

/**
 * The least a contract must have paid for work to count as paid (reviews, job success), in each
 * currency's minor units: `{ "USD": 500, "EUR": 431 }`. Bound as JSON where paidEnoughSql puts a `?`.
 */
export type PaidMinimums = Record<string, number>

/**
 * 1 when the contract aliased `alias` paid at least its currency's minimum (bound as one JSON
 * parameter in the `?`); a currency missing from the minimums counts nothing as paid enough.
 */
export function paidEnoughSql(alias: string): string {
  return `(${paidForWorkSql(`${alias}.id`)} >= coalesce(json_extract(?, '$.' || ${alias}.currency), 1e18))`
}

/** The currencies of these freelancers' ended contracts (of every ended contract when `ids` is null), for their minimums. */
export async function endedContractCurrencies(ids: string[] | null): Promise<string[]> {
  const sqlite = getDb().$client
  const rows = (
    ids
      ? sqlite
          .prepare(
            `select distinct c.currency as currency from contracts c
              where c.freelancer_id in (select value from json_each(?)) and c.status = 'ended'`,
          )
          .all(JSON.stringify(ids))
      : sqlite.prepare(`select distinct currency from contracts where status = 'ended'`).all()
  ) as { currency: string }[]
  return rows.map((row) => row.currency)
}

import { getDb } from './db.server'
import { LEDGER_TRANSACTION as KIND, type LedgerTransactionKind } from '~/domain/enums'

const sqlList = (kinds: LedgerTransactionKind[]) => `(${kinds.map((kind) => `'${kind}'`).join(', ')})`
/** Ledger kinds that pay a freelancer (out of escrow, or an hourly charge) and so carry the platform fee and its tax. */
const RELEASES = sqlList([KIND.escrowRelease, KIND.escrowDispute, KIND.hourlyCharge])
/** Ledger kinds that give a client money back out of escrow. */
const REFUNDS = sqlList([KIND.escrowRefund, KIND.escrowDispute])

export type FreelancerMonth = {
  month: number
  currency: string
  grossMinor: number
  feesMinor: number
  feeTaxMinor: number
  netMinor: number
  payoutsMinor: number
}

export type ClientMonth = {
  month: number
  currency: string
  fundedMinor: number
  refundedMinor: number
  feesMinor: number
  feeTaxMinor: number
}

const yearBounds = (year: number) => ({ from: Date.UTC(year, 0, 1), to: Date.UTC(year + 1, 0, 1) })

// Entries joined to their account and transaction; a transaction's contract tells whose work it paid.
const ENTRIES = `from ledger_entries e
  join ledger_accounts a on a.id = e.account_id
  join ledger_transactions t on t.id = e.transaction_id
  left join contracts c on c.id = t.contract_id`

/**
 * The user's ledger sums over a year, per month and currency: `sums` are the sum columns (`@user` is
 * the user), `scope` says which of the entries are theirs.
 */
function monthlySums<Sums>(sums: string, scope: string, userId: string, year: number) {
  return getDb()
    .$client.prepare(
      `select cast(strftime('%m', t.created_at / 1000, 'unixepoch') as integer) as month, e.currency as currency,
         ${sums}
       ${ENTRIES}
       where t.created_at >= @from and t.created_at < @to and ${scope}
       group by month, e.currency
       order by e.currency, month`,
    )
    .all({ user: userId, ...yearBounds(year) }) as ({ month: number; currency: string } & Sums)[]
}

/**
 * A freelancer's year from the ledger, per month and currency: what was released to them (gross),
 * the platform fees kept (revenue plus the tax in them), the tax part, what reached their wallet
 * (net) and what left it as payouts.
 */
export async function freelancerStatementMonths(userId: string, year: number): Promise<FreelancerMonth[]> {
  const rows = monthlySums<Omit<FreelancerMonth, 'month' | 'currency' | 'grossMinor'>>(
    `sum(case when t.kind in ${RELEASES} and c.freelancer_id = @user and a.kind = 'wallet' and a.owner_id = @user
           then e.amount_minor else 0 end) as netMinor,
         sum(case when t.kind in ${RELEASES} and c.freelancer_id = @user
           and a.kind in ('platform_revenue', 'tax_payable') then e.amount_minor else 0 end) as feesMinor,
         sum(case when t.kind in ${RELEASES} and c.freelancer_id = @user and a.kind = 'tax_payable'
           then e.amount_minor else 0 end) as feeTaxMinor,
         sum(case when t.kind like 'payout%' and a.kind = 'wallet' and a.owner_id = @user
           then -e.amount_minor else 0 end) as payoutsMinor`,
    `(c.freelancer_id = @user or (t.contract_id is null and a.owner_id = @user))`,
    userId,
    year,
  )
  return rows
    .map((row) => ({ ...row, grossMinor: row.netMinor + row.feesMinor }))
    .filter((row) => row.grossMinor || row.payoutsMinor)
}

/**
 * A client's year from the ledger, per month and currency: paid into escrow, returned to their
 * wallet out of escrow, and the platform fees on their contracts with the VAT/GST in them.
 */
export async function clientStatementMonths(userId: string, year: number): Promise<ClientMonth[]> {
  const rows = monthlySums<Omit<ClientMonth, 'month' | 'currency'>>(
    `sum(case when t.kind = '${KIND.escrowFund}' and a.kind = 'escrow' then e.amount_minor
                  when t.kind = '${KIND.hourlyCharge}' and e.amount_minor > 0 then e.amount_minor
                  else 0 end) as fundedMinor,
         sum(case when t.kind in ${REFUNDS} and a.kind = 'wallet' and a.owner_id = @user
           then e.amount_minor else 0 end) as refundedMinor,
         sum(case when t.kind in ${RELEASES} and a.kind in ('platform_revenue', 'tax_payable')
           then e.amount_minor else 0 end) as feesMinor,
         sum(case when t.kind in ${RELEASES} and a.kind = 'tax_payable'
           then e.amount_minor else 0 end) as feeTaxMinor`,
    `c.client_id = @user`,
    userId,
    year,
  )
  return rows.filter((row) => row.fundedMinor || row.refundedMinor || row.feesMinor)
}

/** The years (newest first) in which the user has money movements on their contracts or wallet. */
export async function listStatementYears(userId: string): Promise<number[]> {
  const rows = getDb()
    .$client.prepare(
      `select distinct cast(strftime('%Y', t.created_at / 1000, 'unixepoch') as integer) as year
       ${ENTRIES}
       where c.client_id = @user or c.freelancer_id = @user or (a.kind = 'wallet' and a.owner_id = @user)
       order by year desc`,
    )
    .all({ user: userId }) as { year: number }[]
  return rows.map((row) => row.year)
}

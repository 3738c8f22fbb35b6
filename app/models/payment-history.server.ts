import { getDb } from './db.server'
import {
  type PaymentAccount,
  type PaymentHistoryFilter,
  type PaymentHistoryLine,
  type PaymentHistoryStatus,
  type PaymentType,
  LEDGER_KIND_TYPES,
} from '~/domain/payment-history-filters'

/*
 * A user's payment history is one list over several sources, each a SELECT with the same columns
 * (bound with @user). To add a source (for example the payouts table, with its request status),
 * append one more SELECT to HISTORY_SOURCES; filters, search, paging, totals and the CSV then apply
 * to it unchanged. Columns:
 *   id           unique across sources (prefix per source)
 *   at           epoch ms
 *   type         a PaymentType (what happened)
 *   account      where it happened from the user's side: wallet, card, escrow, payout
 *   description  searchable text
 *   amount       signed minor units from the user's side (+ in, − out); escrow rows: + held, − paid out
 *   currency, status (a PaymentHistoryStatus)
 *   counts       1 when the row is real money in or out of the user's wallet or card, so the net
 *                adds it; escrow rows show the contract's escrow and are 0, and so must be any
 *                source that repeats money already in the ledger (a payout's ledger entry counts).
 *   contract_id, reference
 */

const ledgerType = `case t.kind ${Object.entries(LEDGER_KIND_TYPES)
  .map(([kind, type]) => `when '${kind}' then '${type}'`)
  .join(' ')} else 'other' end`

const WALLET_ENTRIES = `
  select 'wallet:' || e.id as id, t.created_at as at, ${ledgerType} as type, 'wallet' as account, t.description as description,
         e.amount_minor as amount, e.currency as currency, 'completed' as status, 1 as counts, t.contract_id as contract_id, t.id as reference
    from ledger_entries e
    join ledger_accounts a on a.id = e.account_id
    join ledger_transactions t on t.id = e.transaction_id
   where a.kind = 'wallet' and a.owner_id = @user`

const ESCROW_ENTRIES = `
  select 'escrow:' || e.id, t.created_at, ${ledgerType}, 'escrow', t.description || ' (escrow of “' || c.title || '”)',
         e.amount_minor, e.currency, 'completed', 0, c.id, t.id
    from ledger_entries e
    join ledger_accounts a on a.id = e.account_id and a.kind = 'escrow'
    join contracts c on c.id = a.owner_id
    join ledger_transactions t on t.id = e.transaction_id
   where c.client_id = @user or c.freelancer_id = @user`

/** Every attempt to pay by card, including declined and unfinished ones (those move no money). */
const CARD_PAYMENTS = `
  select 'card:' || p.id, p.created_at, 'card_payment', 'card',
         'Card payment' || coalesce(' for “' || m.title || '”', '') || coalesce(' for the hourly invoice of the week of ' || i.week_start, '')
           || coalesce(' (card ending ' || p.card_last4 || ')', '')
           || case when p.status != 'succeeded' and p.failure_reason is not null then ': ' || p.failure_reason else '' end,
         -p.amount_minor, p.currency,
         case when p.status = 'succeeded' then 'completed' when p.status = 'failed' then 'failed'
              when p.failure_reason is not null then 'declined' else 'pending' end,
         case when p.status = 'succeeded' then 1 else 0 end, coalesce(m.contract_id, i.contract_id), p.provider
    from card_payments p
    left join milestones m on p.purpose = 'milestone:' || m.id
    left join invoices i on p.purpose = 'invoice:' || i.id
   where p.user_id = @user`

const HISTORY_SOURCES: string[] = [WALLET_ENTRIES, ESCROW_ENTRIES, CARD_PAYMENTS]

export type PaymentHistoryRow = PaymentHistoryLine & { reference: string | null }

type RawRow = {
  id: string
  at: number
  type: PaymentType
  account: PaymentAccount
  description: string
  amount: number
  currency: string
  status: PaymentHistoryStatus
  counts: number
  contract_id: string | null
  reference: string | null
}

function historyQuery(userId: string, filter: PaymentHistoryFilter) {
  const conditions: string[] = []
  const params: Record<string, string | number> = { user: userId }
  if (filter.type) {
    conditions.push('type = @type')
    params.type = filter.type
  }
  if (filter.status) {
    conditions.push('status = @status')
    params.status = filter.status
  }
  if (filter.currency) {
    conditions.push('currency = @currency')
    params.currency = filter.currency
  }
  if (filter.since !== undefined) {
    conditions.push('at >= @since')
    params.since = filter.since
  }
  if (filter.until !== undefined) {
    conditions.push('at < @until')
    params.until = filter.until
  }
  if (filter.text) {
    conditions.push(`description like @text escape '\\'`)
    params.text = `%${filter.text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`
  }
  const cte = `with history as (${HISTORY_SOURCES.join(' union all ')})`
  const where = conditions.length ? `where ${conditions.join(' and ')}` : ''
  return { cte, where, params }
}

function toRow(raw: RawRow): PaymentHistoryRow {
  return {
    id: raw.id,
    at: new Date(Number(raw.at)),
    type: raw.type,
    account: raw.account,
    description: raw.description,
    amountMinor: Number(raw.amount),
    currency: raw.currency,
    status: raw.status,
    countsInNet: raw.counts === 1,
    contractId: raw.contract_id,
    reference: raw.reference,
  }
}

/** One page of the user's movements matching the filter, newest first, with the total count. */
export async function listPaymentHistory(
  userId: string,
  filter: PaymentHistoryFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: PaymentHistoryRow[]; total: number }> {
  const client = getDb().$client
  const { cte, where, params } = historyQuery(userId, filter)
  const rows = client
    .prepare(`${cte} select * from history ${where} order by at desc, id desc limit @limit offset @offset`)
    .all({ ...params, ...page }) as RawRow[]
  const count = client.prepare(`${cte} select count(*) as n from history ${where}`).get(params) as { n: number }
  return { rows: rows.map(toRow), total: Number(count.n) }
}

/** Money in minus money out per currency over the matching completed rows that count. */
export async function netOfPaymentHistory(
  userId: string,
  filter: PaymentHistoryFilter,
): Promise<{ currency: string; netMinor: number; inMinor: number; outMinor: number }[]> {
  const { cte, where, params } = historyQuery(userId, filter)
  const counted = `${where ? `${where} and` : 'where'} counts = 1 and status = 'completed'`
  const rows = getDb()
    .$client.prepare(
      `${cte} select currency, sum(amount) as net, sum(case when amount > 0 then amount else 0 end) as money_in,
              sum(case when amount < 0 then -amount else 0 end) as money_out
         from history ${counted} group by currency order by currency`,
    )
    .all(params) as { currency: string; net: number; money_in: number; money_out: number }[]
  return rows.map((row) => ({
    currency: row.currency,
    netMinor: Number(row.net),
    inMinor: Number(row.money_in),
    outMinor: Number(row.money_out),
  }))
}

/** The currencies that appear anywhere in the user's history (for the currency filter). */
export async function currenciesInPaymentHistory(userId: string): Promise<string[]> {
  const { cte } = historyQuery(userId, {})
  const rows = getDb()
    .$client.prepare(`${cte} select distinct currency from history order by currency`)
    .all({ user: userId }) as { currency: string }[]
  return rows.map((row) => row.currency)
}

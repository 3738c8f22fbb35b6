import { getDb } from './db.server'
import type { LedgerAccountKind } from '../domain/enums'

/*
 * Read-only views of the whole ledger for the admin "ledger health" page. Each check is one
 * aggregate over ledger_entries, so a broken row anywhere shows up however it got there.
 */

export type KindTotal = { kind: LedgerAccountKind; currency: string; accounts: number; balanceMinor: number }

/** The balance of every account kind per currency (wallets summed over all users, and so on). */
export async function totalsByKindAndCurrency(): Promise<KindTotal[]> {
  const rows = getDb()
    .$client.prepare(
      `select a.kind, a.currency, count(distinct a.id) as accounts, coalesce(sum(e.amount_minor), 0) as balance
         from ledger_accounts a left join ledger_entries e on e.account_id = a.id
        group by a.kind, a.currency order by a.kind, a.currency`,
    )
    .all() as { kind: LedgerAccountKind; currency: string; accounts: number; balance: number }[]
  return rows.map((row) => ({
    kind: row.kind,
    currency: row.currency,
    accounts: Number(row.accounts),
    balanceMinor: Number(row.balance),
  }))
}

/** Currencies whose entries do not sum to zero, with the sum (should never be any). */
export async function unbalancedCurrencySums(): Promise<{ currency: string; sumMinor: number }[]> {
  const rows = getDb()
    .$client.prepare(
      `select currency, sum(amount_minor) as total from ledger_entries group by currency having sum(amount_minor) != 0 order by currency`,
    )
    .all() as { currency: string; total: number }[]
  return rows.map((row) => ({ currency: row.currency, sumMinor: Number(row.total) }))
}

/** Transactions whose entries do not sum to zero in some currency, newest first. */
export async function unbalancedTransactions(
  limit = 20,
): Promise<{ transactionId: string; kind: string; currency: string; sumMinor: number }[]> {
  const rows = getDb()
    .$client.prepare(
      `select t.id as transactionId, t.kind, e.currency, sum(e.amount_minor) as total
         from ledger_entries e join ledger_transactions t on t.id = e.transaction_id
        group by e.transaction_id, e.currency having sum(e.amount_minor) != 0
        order by max(t.created_at) desc limit ?`,
    )
    .all(limit) as { transactionId: string; kind: string; currency: string; total: number }[]
  return rows.map((row) => ({
    transactionId: row.transactionId,
    kind: row.kind,
    currency: row.currency,
    sumMinor: Number(row.total),
  }))
}

export type NegativeAccount = {
  accountId: string
  kind: LedgerAccountKind
  ownerId: string
  ownerLabel: string | null
  currency: string
  balanceMinor: number
}

/** Wallets and escrows below zero (people's money; should never be any), lowest first. */
export async function negativeHoldingAccounts(limit = 20): Promise<NegativeAccount[]> {
  const rows = getDb()
    .$client.prepare(
      `select a.id as accountId, a.kind, a.owner_id as ownerId, a.currency, sum(e.amount_minor) as balance,
              coalesce(u.name, c.title) as ownerLabel
         from ledger_accounts a join ledger_entries e on e.account_id = a.id
         left join users u on a.kind = 'wallet' and u.id = a.owner_id
         left join contracts c on a.kind = 'escrow' and c.id = a.owner_id
        where a.kind in ('wallet', 'escrow')
        group by a.id having sum(e.amount_minor) < 0 order by balance limit ?`,
    )
    .all(limit) as (Omit<NegativeAccount, 'balanceMinor'> & { balance: number })[]
  return rows.map(({ balance, ...row }) => ({ ...row, balanceMinor: Number(balance) }))
}

export type LedgerTransactionView = {
  id: string
  kind: string
  description: string
  contractId: string | null
  createdAt: Date
  entries: {
    kind: LedgerAccountKind
    ownerId: string
    ownerLabel: string | null
    currency: string
    amountMinor: number
  }[]
}

export async function countLedgerTransactions(): Promise<number> {
  const row = getDb().$client.prepare('select count(*) as n from ledger_transactions').get() as { n: number }
  return Number(row.n)
}

/** The newest transactions, each with its entries and who owns each account. */
export async function latestLedgerTransactions(limit = 25): Promise<LedgerTransactionView[]> {
  const client = getDb().$client
  const transactions = client
    .prepare(
      `select id, kind, description, contract_id as contractId, created_at as createdAt
         from ledger_transactions order by created_at desc, rowid desc limit ?`,
    )
    .all(limit) as { id: string; kind: string; description: string; contractId: string | null; createdAt: number }[]
  if (!transactions.length) return []
  const ids = transactions.map((transaction) => transaction.id)
  const entries = client
    .prepare(
      `select e.transaction_id as transactionId, a.kind, a.owner_id as ownerId, e.currency, e.amount_minor as amountMinor,
              coalesce(u.name, c.title) as ownerLabel
         from ledger_entries e join ledger_accounts a on a.id = e.account_id
         left join users u on a.kind = 'wallet' and u.id = a.owner_id
         left join contracts c on a.kind = 'escrow' and c.id = a.owner_id
        where e.transaction_id in (${ids.map(() => '?').join(',')}) order by e.id`,
    )
    .all(...ids) as (LedgerTransactionView['entries'][number] & { transactionId: string })[]
  return transactions.map((transaction) => ({
    ...transaction,
    createdAt: new Date(Number(transaction.createdAt)),
    entries: entries
      .filter((entry) => entry.transactionId === transaction.id)
      .map(({ transactionId: _, ...entry }) => entry),
  }))
}

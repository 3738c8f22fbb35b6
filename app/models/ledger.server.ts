import crypto from 'node:crypto'
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import { getDb, type DB } from './db.server'
import { LEDGER_TRANSACTION, PLATFORM_OWNER, type LedgerAccountKind, type LedgerTransactionKind } from '~/domain/enums'
import { differingFields, IdempotencyKeyReused, type RequestMeaning } from '~/domain/idempotency'
import { ledgerAccounts, ledgerEntries, ledgerTransactions } from './schema'

// Tests and fixtures read the platform's accounts through the ledger too.
export { PLATFORM_OWNER }

export type AccountRef = { kind: LedgerAccountKind; ownerId: string; currency: string }
export type LedgerLine = { account: AccountRef; amountMinor: number }
export type LedgerPosting = {
  idempotencyKey: string
  kind: LedgerTransactionKind
  description: string
  contractId?: string | null
  milestoneId?: string | null
  lines: LedgerLine[]
  at: Date
}

/** A posting that would break a ledger invariant; nothing of it is written. */
export class LedgerViolation extends Error {}

/** Accounts that hold someone's money and so can never go below zero. */
const NEVER_NEGATIVE: readonly LedgerAccountKind[] = ['wallet', 'escrow']

/** The id of the account `ref` names, if it was ever opened. */
function existingAccountId(ref: AccountRef): string | undefined {
  const where = and(
    eq(ledgerAccounts.kind, ref.kind),
    eq(ledgerAccounts.ownerId, ref.ownerId),
    eq(ledgerAccounts.currency, ref.currency),
  )
  return getDb().select({ id: ledgerAccounts.id }).from(ledgerAccounts).where(where).get()?.id
}

function accountId(ref: AccountRef, at: Date): string {
  const found = existingAccountId(ref)
  if (found) return found
  const id = crypto.randomUUID()
  getDb()
    .insert(ledgerAccounts)
    .values({ id, ...ref, createdAt: at })
    .run()
  return id
}

function balanceOfAccountId(id: string): number {
  const row = getDb()
    .select({ balance: sql<number>`coalesce(sum(${ledgerEntries.amountMinor}), 0)` })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.accountId, id))
    .get()
  return Number(row?.balance ?? 0)
}

/**
 * Checks the lines before anything is written: whole amounts that sum to zero per currency. The
 * seed's bulk writer (hiring-history-seed.server.ts) applies the same check.
 */
export function checkBalanced(lines: readonly LedgerLine[]): void {
  if (lines.length < 2) throw new LedgerViolation('A money movement needs at least two entries.')
  const sums = new Map<string, number>()
  for (const line of lines) {
    if (!Number.isSafeInteger(line.amountMinor) || line.amountMinor === 0) {
      throw new LedgerViolation(`An entry must be a non-zero whole number of minor units, not ${line.amountMinor}.`)
    }
    sums.set(line.account.currency, (sums.get(line.account.currency) ?? 0) + line.amountMinor)
  }
  for (const [currency, sum] of sums) {
    if (sum !== 0) throw new LedgerViolation(`Entries in ${currency} sum to ${sum}, not zero.`)
  }
}

/** What a movement means for its key: its kind, what it is about, and each account's amount (not its wording or time). */
function postingMeaning(
  posting: { kind: string; contractId?: string | null; milestoneId?: string | null },
  lines: readonly LedgerLine[],
): RequestMeaning {
  const entries = lines
    .map(({ account, amountMinor }) => `${account.kind}/${account.ownerId}/${account.currency} ${amountMinor}`)
    .sort()
  return {
    kind: posting.kind,
    contractId: posting.contractId ?? null,
    milestoneId: posting.milestoneId ?? null,
    entries: entries.join('; '),
  }
}

/** The meaning of the movement already written under a key. */
function writtenMeaning(transaction: typeof ledgerTransactions.$inferSelect): RequestMeaning {
  const lines = getDb()
    .select({
      kind: ledgerAccounts.kind,
      ownerId: ledgerAccounts.ownerId,
      currency: ledgerAccounts.currency,
      amountMinor: ledgerEntries.amountMinor,
    })
    .from(ledgerEntries)
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerEntries.accountId))
    .where(eq(ledgerEntries.transactionId, transaction.id))
    .all()
    .map(({ amountMinor, ...account }) => ({ account, amountMinor }))
  return postingMeaning(transaction, lines)
}

/**
 * Writes one balanced money movement atomically. Synchronous so it can run inside a caller's
 * transaction (better-sqlite3 nests it as a savepoint). A repeated idempotency key writes nothing
 * and returns the first transaction, if it is the same movement (the same kind and subject, the
 * same amounts on the same accounts); a repeated key for a different movement throws
 * IdempotencyKeyReused and writes nothing. Throws LedgerViolation (and writes nothing) when a
 * wallet or escrow account would go below zero.
 */
export function writeLedgerTransaction(posting: LedgerPosting): { transactionId: string; created: boolean } {
  checkBalanced(posting.lines)
  const db = getDb()
  return db.transaction(() => {
    const existing = db
      .select()
      .from(ledgerTransactions)
      .where(eq(ledgerTransactions.idempotencyKey, posting.idempotencyKey))
      .get()
    if (existing) {
      const differ = differingFields(writtenMeaning(existing), postingMeaning(posting, posting.lines))
      if (differ.length) throw new IdempotencyKeyReused(posting.idempotencyKey, differ)
      return { transactionId: existing.id, created: false }
    }
    const transactionId = crypto.randomUUID()
    db.insert(ledgerTransactions)
      .values({
        id: transactionId,
        idempotencyKey: posting.idempotencyKey,
        kind: posting.kind,
        description: posting.description,
        contractId: posting.contractId ?? null,
        milestoneId: posting.milestoneId ?? null,
        createdAt: posting.at,
      })
      .run()
    const guarded = new Set<string>()
    for (const line of posting.lines) {
      const id = accountId(line.account, posting.at)
      db.insert(ledgerEntries)
        .values({ transactionId, accountId: id, amountMinor: line.amountMinor, currency: line.account.currency })
        .run()
      if (NEVER_NEGATIVE.includes(line.account.kind) && line.amountMinor < 0) guarded.add(id)
    }
    for (const id of guarded) {
      if (balanceOfAccountId(id) < 0) throw new LedgerViolation('There is not enough money in the account for this.')
    }
    return { transactionId, created: true }
  })
}

export async function balanceOf(ref: AccountRef): Promise<number> {
  const found = existingAccountId(ref)
  return found ? balanceOfAccountId(found) : 0
}

/** The balances of one owner's accounts of a kind, one per currency (zero balances included). */
export async function balancesOf(
  kind: LedgerAccountKind,
  ownerId: string,
): Promise<{ currency: string; balanceMinor: number }[]> {
  const rows = getDb()
    .select({ currency: ledgerAccounts.currency, balance: sql<number>`coalesce(sum(${ledgerEntries.amountMinor}), 0)` })
    .from(ledgerAccounts)
    .leftJoin(ledgerEntries, eq(ledgerEntries.accountId, ledgerAccounts.id))
    .where(and(eq(ledgerAccounts.kind, kind), eq(ledgerAccounts.ownerId, ownerId)))
    .groupBy(ledgerAccounts.id)
    .orderBy(ledgerAccounts.currency)
    .all()
  return rows.map((row) => ({ currency: row.currency, balanceMinor: Number(row.balance) }))
}

export type AccountStatementLine = {
  transactionId: string
  kind: string
  description: string
  amountMinor: number
  currency: string
  contractId: string | null
  createdAt: Date
}

/**
 * The ledger's entries that `where` picks, each with its account's kind and its transaction, in the
 * order given (`eq(ledgerTransactions.idempotencyKey, key)` picks the lines of one movement).
 */
export function listLedgerLines(where: SQL | undefined, orderBy: SQL[] = [], limit = -1) {
  return getDb()
    .select({
      transactionId: ledgerTransactions.id,
      transactionKind: ledgerTransactions.kind,
      description: ledgerTransactions.description,
      contractId: ledgerTransactions.contractId,
      createdAt: ledgerTransactions.createdAt,
      accountKind: ledgerAccounts.kind,
      amountMinor: ledgerEntries.amountMinor,
      currency: ledgerEntries.currency,
    })
    .from(ledgerEntries)
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerEntries.accountId))
    .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
    .where(where)
    .orderBy(...orderBy)
    .limit(limit)
    .all()
}

/** The entries on one owner's accounts of some kinds, newest first. */
export async function listEntriesOf(
  ownerId: string,
  kinds: LedgerAccountKind[],
  limit = 50,
): Promise<AccountStatementLine[]> {
  const lines = listLedgerLines(
    and(eq(ledgerAccounts.ownerId, ownerId), inArray(ledgerAccounts.kind, kinds)),
    [desc(ledgerTransactions.createdAt), desc(ledgerEntries.id)],
    limit,
  )
  return lines.map(({ transactionKind, accountKind: _, ...line }) => ({ ...line, kind: transactionKind }))
}

/** Ledger-wide invariants: every currency sums to zero and no wallet or escrow is negative. */
export async function checkLedgerInvariants(db: DB = getDb()): Promise<{
  unbalancedCurrencies: string[]
  negativeAccounts: number
  unbalancedTransactions: number
}> {
  const unbalanced = db
    .select({ currency: ledgerEntries.currency })
    .from(ledgerEntries)
    .groupBy(ledgerEntries.currency)
    .having(sql`sum(${ledgerEntries.amountMinor}) != 0`)
    .all()
  const negative = db.$client
    .prepare(
      `select count(*) as n from (select a.id from ledger_accounts a join ledger_entries e on e.account_id = a.id
        where a.kind in ('wallet', 'escrow') group by a.id having sum(e.amount_minor) < 0)`,
    )
    .get() as { n: number }
  const badTransactions = db.$client
    .prepare(
      `select count(*) as n from (select transaction_id from ledger_entries group by transaction_id, currency having sum(amount_minor) != 0)`,
    )
    .get() as { n: number }
  return {
    unbalancedCurrencies: unbalanced.map((row) => row.currency),
    negativeAccounts: negative.n,
    unbalancedTransactions: badTransactions.n,
  }
}

/** Where a released milestone's escrow went, as the ledger recorded it (so a later fee change never rewrites it). */
export type MilestoneRelease = {
  milestoneId: string
  releasedMinor: number
  toFreelancerMinor: number
  toClientMinor: number
  feeMinor: number
  feeTaxMinor: number
}

/**
 * Each of a contract's milestones that left escrow by approval or a dispute decision, with each side's
 * share and the platform fee (its tax included) from that movement's own entries.
 */
export async function listMilestoneReleases(contract: {
  id: string
  clientId: string
  freelancerId: string
}): Promise<MilestoneRelease[]> {
  const rows = getDb()
    .select({
      milestoneId: ledgerTransactions.milestoneId,
      kind: ledgerAccounts.kind,
      ownerId: ledgerAccounts.ownerId,
      amountMinor: sql<number>`sum(${ledgerEntries.amountMinor})`,
    })
    .from(ledgerEntries)
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerEntries.accountId))
    .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
    .where(
      and(
        eq(ledgerTransactions.contractId, contract.id),
        inArray(ledgerTransactions.kind, [LEDGER_TRANSACTION.escrowRelease, LEDGER_TRANSACTION.escrowDispute]),
      ),
    )
    .groupBy(ledgerTransactions.milestoneId, ledgerAccounts.kind, ledgerAccounts.ownerId)
    .all()
  const byMilestone = new Map<string, MilestoneRelease>()
  for (const row of rows) {
    if (!row.milestoneId) continue
    const release = byMilestone.get(row.milestoneId) ?? {
      milestoneId: row.milestoneId,
      releasedMinor: 0,
      toFreelancerMinor: 0,
      toClientMinor: 0,
      feeMinor: 0,
      feeTaxMinor: 0,
    }
    const amount = Number(row.amountMinor)
    if (row.kind === 'escrow') release.releasedMinor -= amount
    else if (row.kind === 'wallet' && row.ownerId === contract.freelancerId) release.toFreelancerMinor += amount
    else if (row.kind === 'wallet' && row.ownerId === contract.clientId) release.toClientMinor += amount
    else if (row.kind === 'platform_revenue') release.feeMinor += amount
    else if (row.kind === 'tax_payable') {
      release.feeMinor += amount
      release.feeTaxMinor += amount
    }
    byMilestone.set(row.milestoneId, release)
  }
  return [...byMilestone.values()]
}

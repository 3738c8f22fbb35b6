import { getDb } from '~/models/db.server'
import { openConversationFor } from '~/services/messaging/messaging.server'
import { addSandboxBankMethod } from '~/services/payments/payouts/payout-methods.server'
import { insertFixedContract } from '~/test/escrow-fixtures'
import { passStepUpNow, signedInCookie } from '~/test/users'
import { topUpWallet } from '~/test/wallet'

export const MILESTONE_MINOR = 10_000

/** One person the load plays, with everything their requests need. */
export type Actor = {
  cookie: string
  userId: string
  /** Client: their contracts' milestones to fund, and a conversation to write in. */
  milestones: { contractId: string; milestoneId: string }[]
  conversationId: string
  /** Freelancer: the bank account payouts go to. */
  methodId: string
}

export type Workload = {
  clients: Actor[]
  freelancers: Actor[]
  projectIds: string[]
  openProjects: { id: string; budgetType: 'fixed' | 'hourly'; amount: number }[]
  freelancerIds: string[]
}

/**
 * Sets up the people of a load run on a copy of the large seed: `pairs` clients each hiring one
 * freelancer on a fixed contract with `milestonesEach` milestones, money in the clients' wallets for
 * all of them, the freelancers' wallets and sandbox banks for payouts, and signed-in sessions.
 */
export async function prepareWorkload(pairs: number, milestonesEach: number): Promise<Workload> {
  const db = getDb().$client
  const ids = (sql: string, limit: number) => (db.prepare(sql).all(limit) as { id: string }[]).map((row) => row.id)
  const clientIds = ids(
    `select id from users where role = 'client' and blocked_at is null order by rowid limit ?`,
    pairs,
  )
  const freelancerIds = ids(
    `select id from users where role = 'freelancer' and blocked_at is null order by rowid limit ?`,
    pairs,
  )
  const clients: Actor[] = []
  const freelancers: Actor[] = []
  for (let i = 0; i < Math.min(clientIds.length, freelancerIds.length); i++) {
    const clientId = clientIds[i]!
    const freelancerId = freelancerIds[i]!
    const { contract, milestoneIds } = await insertFixedContract({
      clientId,
      freelancerId,
      amounts: Array.from({ length: milestonesEach }, () => MILESTONE_MINOR),
      title: `Load contract ${i + 1}`,
    })
    await topUpWallet(clientId, milestonesEach * MILESTONE_MINOR)
    await topUpWallet(freelancerId, 1_000_000)
    const conversation = await openConversationFor('contract', contract.id, clientId)
    const method = await addSandboxBankMethod(freelancerId, {
      holderName: 'Load Tester',
      country: 'DE',
      accountNumber: 'DE89370400440532013000',
    })
    if (!method.ok) throw new Error(method.message)
    const freelancerCookie = await signedInCookie(freelancerId)
    await passStepUpNow(freelancerCookie)
    clients.push({
      cookie: await signedInCookie(clientId),
      userId: clientId,
      milestones: milestoneIds.map((milestoneId) => ({ contractId: contract.id, milestoneId })),
      conversationId: conversation!.id,
      methodId: '',
    })
    freelancers.push({
      cookie: freelancerCookie,
      userId: freelancerId,
      milestones: [],
      conversationId: conversation!.id,
      methodId: method.method.id,
    })
  }
  const openProjects = (
    db
      .prepare(
        `select id, budget_type as budgetType, budget_max_minor as amount from projects
         where status = 'open' and visibility = 'public' and currency = 'USD' order by random() limit 2000`,
      )
      .all() as Workload['openProjects']
  ).filter((project) => project.amount >= 1000)
  return {
    clients,
    freelancers,
    projectIds: ids(`select id from projects order by random() limit ?`, 2000),
    openProjects,
    freelancerIds: ids(`select id from users where role = 'freelancer' order by random() limit ?`, 2000),
  }
}

/** After the run: the file is whole, the ledger balances, and no money moved twice. */
export function checkMoney(file: string) {
  return import('better-sqlite3').then(async ({ default: Database }) => {
    const raw = new Database(file, { readonly: true })
    const one = <T>(sql: string) => raw.prepare(sql).get() as T
    const result = {
      integrity: raw.pragma('integrity_check', { simple: true }),
      milestonesFundedTwice: one<{ n: number }>(
        `select count(*) as n from (select milestone_id from ledger_transactions where kind = 'escrow.fund' group by milestone_id having count(*) > 1)`,
      ).n,
      payoutKeysUsedTwice: one<{ n: number }>(
        `select count(*) as n from (select 1 from payouts group by user_id, idempotency_key having count(*) > 1)`,
      ).n,
      fundedWithoutEscrow: one<{ n: number }>(
        `select count(*) as n from milestones m where m.status <> 'pending' and m.contract_id in (select id from contracts where title like 'Load contract %')
           and not exists (select 1 from ledger_transactions t where t.milestone_id = m.id and t.kind = 'escrow.fund')`,
      ).n,
      escrowWithoutFunding: one<{ n: number }>(
        `select count(*) as n from milestones m where m.status = 'pending'
           and exists (select 1 from ledger_transactions t where t.milestone_id = m.id and t.kind = 'escrow.fund')`,
      ).n,
      payoutsWithoutLedger: one<{ n: number }>(
        `select count(*) as n from payouts p where not exists (select 1 from ledger_transactions t where t.kind = 'payout' and t.idempotency_key like '%' || p.id || '%')`,
      ).n,
      fundings: one<{ n: number }>(`select count(*) as n from ledger_transactions where kind = 'escrow.fund'`).n,
      payouts: one<{ n: number }>(`select count(*) as n from payouts`).n,
    }
    raw.close()
    const { checkLedgerInvariants } = await import('~/models/ledger.server')
    const { openDatabaseFile } = await import('~/models/db.server')
    const readOnly = openDatabaseFile(file)
    const ledger = await checkLedgerInvariants(readOnly)
    readOnly.$client.close()
    return { ...result, ledger }
  })
}

/**
 * The crash-safety spec's database work, run as its own process against DATABASE_PATH:
 * `setup N` creates N fixed contracts (two milestones each) between one client and one freelancer,
 * money in both wallets, the freelancer's sandbox bank, and signed-in cookies; `check` reports the
 * file's integrity, the ledger invariants and how many times each money movement happened.
 * Both print JSON on stdout.
 */
import Database from 'better-sqlite3'
import { closeDb, getDb } from '~/models/db.server'
import { checkLedgerInvariants } from '~/models/ledger.server'
import { addSandboxBankMethod } from '~/services/payments/payouts/payout-methods.server'
import { insertFixedContract } from '~/test/escrow-fixtures'
import { createTestUser, passStepUpNow, signedInCookie } from '~/test/users'
import { topUpWallet } from '~/test/wallet'

const MILESTONE_MINOR = 10_000

async function setup(contractCount: number) {
  const client = await createTestUser('client')
  const freelancer = await createTestUser('freelancer')
  const contracts = []
  for (let i = 0; i < contractCount; i++) {
    const { contract, milestoneIds } = await insertFixedContract({
      clientId: client.id,
      freelancerId: freelancer.id,
      amounts: [MILESTONE_MINOR, MILESTONE_MINOR],
      title: `Crash contract ${i + 1}`,
    })
    contracts.push({ id: contract.id, milestoneIds })
  }
  await topUpWallet(client.id, contractCount * 2 * MILESTONE_MINOR)
  await topUpWallet(freelancer.id, contractCount * 5_000)
  const method = await addSandboxBankMethod(freelancer.id, {
    holderName: 'Felix Crash',
    country: 'DE',
    accountNumber: 'DE89370400440532013000',
  })
  if (!method.ok) throw new Error(method.message)
  const freelancerCookie = await signedInCookie(freelancer.id)
  await passStepUpNow(freelancerCookie)
  return {
    clientCookie: await signedInCookie(client.id),
    freelancerCookie,
    freelancerId: freelancer.id,
    methodId: method.method.id,
    contracts,
  }
}

async function check(file: string) {
  const raw = new Database(file, { readonly: true })
  const integrity = raw.pragma('integrity_check', { simple: true })
  // How often each money movement happened, per milestone, and whether its status agrees with its escrow.
  const milestones = raw
    .prepare(
      `select m.id, m.status, m.amount_minor as amount,
        (select count(*) from ledger_transactions t where t.milestone_id = m.id and t.kind = 'escrow.fund') as funded,
        (select count(*) from ledger_transactions t where t.milestone_id = m.id and t.kind = 'escrow.release') as released
       from milestones m`,
    )
    .all()
  const escrow = raw
    .prepare(
      `select a.owner_id as contractId, coalesce(sum(e.amount_minor), 0) as balance
       from ledger_accounts a left join ledger_entries e on e.account_id = a.id
       where a.kind = 'escrow' group by a.id`,
    )
    .all()
  const payouts = raw
    .prepare(`select idempotency_key as key, count(*) as n from payouts group by user_id, idempotency_key`)
    .all()
  const payoutTransactions = (
    raw.prepare(`select count(*) as n from ledger_transactions where kind = 'payout'`).get() as { n: number }
  ).n
  raw.close()
  return { integrity, ledger: await checkLedgerInvariants(getDb()), milestones, escrow, payouts, payoutTransactions }
}

const [mode, arg] = process.argv.slice(2)
const result = mode === 'setup' ? await setup(Number(arg)) : await check(process.env.DATABASE_PATH!)
closeDb()
process.stdout.write(JSON.stringify(result))

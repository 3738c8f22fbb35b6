import { execFileSync } from 'node:child_process'
import { expect, test } from '@playwright/test'
import { runNodeScript, separateServer, stop, stopAll, waitForHealthy, type Started } from './process-fixtures'

// About the server process, not pages: it runs once, in the js project (playwright.config.ts).
test.afterEach(stopAll)

const CONTRACTS = 10
const SESSION_SECRET = 'crash-safety-session-secret-long-enough-0123'

type World = {
  clientCookie: string
  freelancerCookie: string
  methodId: string
  contracts: { id: string; milestoneIds: [string, string] }[]
}
type Check = {
  integrity: string
  ledger: { unbalancedCurrencies: string[]; negativeAccounts: number; unbalancedTransactions: number }
  milestones: { id: string; status: string; amount: number; funded: number; released: number }[]
  escrow: { contractId: string; balance: number }[]
  payouts: { key: string; n: number }[]
  payoutTransactions: number
}
type Step = { cookie: string; path: string; fields: Record<string, string> }

/** The world script, run against the spec's database file (see crash-safety-world.ts). */
function world<T>(databasePath: string, ...args: string[]): T {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'e2e/crash-safety-world.ts', ...args], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_PATH: databasePath,
      SESSION_SECRET,
      LOG_LEVEL: 'silent',
      SANDBOX_PAYMENTS: 'true',
      NODE_ENV: 'production',
    },
  })
  return JSON.parse(out.toString()) as T
}

/** Each contract's money in order: fund, deliver and approve the first milestone, fund the second; and one payout. */
function chains(w: World): Step[][] {
  const client = w.clientCookie
  return w.contracts.map(({ id, milestoneIds: [first, second] }, index): Step[] => [
    { cookie: client, path: `/contracts/${id}`, fields: { intent: 'fund', milestoneId: first, method: 'wallet' } },
    {
      cookie: w.freelancerCookie,
      path: `/contracts/${id}`,
      fields: { intent: 'submit', milestoneId: first, note: 'Delivered: see the repository.' },
    },
    { cookie: client, path: `/contracts/${id}`, fields: { intent: 'approve', milestoneId: first } },
    { cookie: client, path: `/contracts/${id}`, fields: { intent: 'fund', milestoneId: second, method: 'wallet' } },
    {
      cookie: w.freelancerCookie,
      path: '/payouts',
      fields: {
        intent: 'confirm',
        methodId: w.methodId,
        currency: 'USD',
        amount: '20',
        speed: 'standard',
        idempotencyKey: `crash-payout-${index}`,
      },
    },
  ])
}

/** Posts a step; a dropped connection (the server was killed) is `null`. */
async function post(baseURL: string, step: Step): Promise<number | null> {
  try {
    const response = await fetch(`${baseURL}${step.path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: step.cookie, origin: baseURL, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(step.fields),
    })
    await response.arrayBuffer()
    return response.status
  } catch {
    return null
  }
}

/** Integrity, balanced ledger, at most one movement of each kind per milestone, statuses that agree with escrow. */
function expectConsistent(check: Check) {
  expect(check.integrity).toBe('ok')
  expect(check.ledger).toEqual({ unbalancedCurrencies: [], negativeAccounts: 0, unbalancedTransactions: 0 })
  const held = new Set(['funded', 'submitted', 'changes_requested', 'approved'])
  for (const milestone of check.milestones) {
    const expected =
      milestone.status === 'pending'
        ? [0, 0]
        : held.has(milestone.status)
          ? [1, 0]
          : milestone.status === 'released'
            ? [1, 1]
            : null
    expect([milestone.status, milestone.funded, milestone.released]).toEqual([
      milestone.status,
      ...(expected ?? [-1, -1]),
    ])
  }
  expect(check.payouts.every((payout) => payout.n === 1)).toBe(true)
  expect(check.payoutTransactions).toBe(check.payouts.length)
}

test('a server killed mid-payment loses nothing, and retries move money once', async ({
  baseURL: _e2eServer,
}, testInfo) => {
  test.slow() // two server starts and a database set-up
  const { port, databasePath, baseURL } = separateServer(testInfo)
  const w = world<World>(databasePath, 'setup', String(CONTRACTS))
  const env = {
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_PATH: databasePath,
    SESSION_SECRET,
    SANDBOX_PAYMENTS: 'true',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '100000',
    DISABLED_JOBS: 'hourly-invoicing,daily-backup,payout-sending',
  }
  let server: Started = runNodeScript('server/index.ts', [], env)
  await waitForHealthy(server, baseURL)

  // Every contract's chain runs at once; once a third of all requests have been answered, SIGKILL.
  const all = chains(w)
  const total = all.flat().length
  let answered = 0
  let killed!: () => void
  const killedNow = new Promise<void>((resolve) => (killed = resolve))
  const runs = all.map(async (steps) => {
    for (const step of steps) {
      const status = await post(baseURL, step)
      if (status === null) return
      expect(status, `${step.fields.intent} on ${step.path}`).toBeLessThan(500)
      if (++answered === Math.ceil(total / 3)) killed()
    }
  })
  await killedNow
  server.child.kill('SIGKILL')
  await Promise.all(runs)
  await server.exited
  expect(answered).toBeLessThan(total) // the kill did land mid-run

  // Restarted on the same file: whatever was committed is whole.
  server = runNodeScript('server/index.ts', [], env)
  await waitForHealthy(server, baseURL)
  expectConsistent(world<Check>(databasePath, 'check'))

  // Retrying every step with the same milestones and payout keys finishes the work, moving money once.
  const retried = await Promise.all(
    all.map(async (steps) => {
      const statuses = []
      for (const step of steps) statuses.push(await post(baseURL, step))
      return statuses
    }),
  )
  // Name each failed retry (null: the connection dropped), so a rare failure says which step it was.
  const failedRetries = all.flatMap((steps, chain) =>
    steps
      .map((step, index) => ({
        step: `${step.fields.intent} on ${step.path}`,
        status: retried[chain]?.[index] ?? null,
      }))
      .filter(({ status }) => status === null || status >= 500),
  )
  expect(failedRetries).toEqual([])
  await stop(server)
  const after = world<Check>(databasePath, 'check')
  expectConsistent(after)
  const firsts = new Set(w.contracts.map((contract) => contract.milestoneIds[0]))
  for (const milestone of after.milestones)
    expect([milestone.id, milestone.status]).toEqual([milestone.id, firsts.has(milestone.id) ? 'released' : 'funded'])
  expect(after.payouts).toHaveLength(CONTRACTS)
  for (const { contractId, balance } of after.escrow) {
    const contract = w.contracts.find((one) => one.id === contractId)
    if (contract) expect(balance).toBe(after.milestones.find((m) => m.id === contract.milestoneIds[1])!.amount)
  }
})

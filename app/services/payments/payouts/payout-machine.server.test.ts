import { afterEach } from 'vitest'
import { PAYOUT_MACHINE } from '~/domain/payout-machine'
import { findPayout } from '~/models/payouts.server'
import { walkEveryTransition } from '~/test/state-machine-walk'
import { createParties } from '~/test/state-machine-subjects'
import { freelancerWithBank } from '~/test/wallet'
import { resetEnvForTests } from '~/utils/env.server'
import { PAYOUT_REVIEW_WINDOW_MS } from './payout-transitions'
import { actOnPayout, holdForSecuritySync, requestPayout, runPayoutSending } from './payouts.server'

const admin = createParties().then((parties) => parties.admin)
const REASON = 'Checked by the payments team'
const SAVED_NODE_ENV = process.env.NODE_ENV

/** Where sandbox money may not move (production without a demo flag), every sandbox payout fails. */
function sandboxMoneyOff(off: boolean) {
  process.env.NODE_ENV = off ? 'production' : SAVED_NODE_ENV
  resetEnvForTests()
}

afterEach(() => sandboxMoneyOff(false))

const status = async (id: string) => (await findPayout(id))!.status

async function moved(id: string, run: () => Promise<unknown>): Promise<boolean> {
  const before = await status(id)
  await run()
  return (await status(id)) !== before
}

/** A $50 standard payout to a sandbox bank account, waiting in its review window. */
async function requestStandardPayout(): Promise<string> {
  const { user, method } = await freelancerWithBank(10_000)
  const form = { methodId: method.id, currency: 'USD', amountMinor: 5_000, speed: 'standard' as const }
  const requested = await requestPayout(user, { ...form, idempotencyKey: crypto.randomUUID() })
  if (!requested.ok) throw new Error(requested.message)
  return requested.payout.id
}

const sendingJob = () => runPayoutSending(new Date(Date.now() + PAYOUT_REVIEW_WINDOW_MS + 60_000))

walkEveryTransition('payout', PAYOUT_MACHINE, {
  create: requestStandardPayout,
  read: async (id) => (await findPayout(id))!,
  take: {
    hold: async (id) => (await actOnPayout(await admin, id, 'hold', REASON)).ok,
    // Taken by requestPayout itself for a method added soon after a second-factor change.
    security_hold: async (id) => holdForSecuritySync(id, 'A second factor changed today', new Date()),
    release: async (id) => (await actOnPayout(await admin, id, 'release', REASON)).ok,
    cancel: async (id) => (await actOnPayout(await admin, id, 'cancel', REASON)).ok,
    send: (id) => moved(id, sendingJob),
    // The platform fails what it cannot send: the job's payouts, and held ones an admin releases.
    fail: (id) =>
      moved(id, async () => {
        sandboxMoneyOff(true)
        await sendingJob()
        if ((await status(id)) === 'held') await actOnPayout(await admin, id, 'release', REASON)
      }),
  },
})

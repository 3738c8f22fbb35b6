import crypto from 'node:crypto'
import { CRYPTO_PAYMENT_MACHINE } from '~/domain/crypto-payment-machine'
import { findCryptoPaymentRequest } from '~/models/crypto-payments.server'
import { walkEveryTransition } from '~/test/state-machine-walk'
import { createMilestoneSubject, createParties, loadMilestoneSubject } from '~/test/state-machine-subjects'
import { confirmCryptoPayment, startCryptoPayment, type ConfirmInput, type RateLookup } from './crypto-payments.server'

const parties = createParties()
const START = new Date()
const minutes = (n: number) => new Date(START.getTime() + n * 60_000)
const rate: RateLookup = async (base, quote, now) => ({
  base,
  quote,
  rate: '0.00001',
  asOf: now ?? START,
  source: 'test',
})

const read = async (requestId: string) => (await findCryptoPaymentRequest(requestId))!

/** A transaction paying exactly what the request asks, reported `at`. */
async function pay(requestId: string, via: ConfirmInput['via'], at: Date) {
  const request = await read(requestId)
  const txHash = crypto.randomBytes(32).toString('hex')
  const actor = via === 'admin' ? (await parties).admin : undefined
  return confirmCryptoPayment({ requestId, txHash, amount: request.cryptoAmount, asset: 'BTC', via, actor }, at)
}

walkEveryTransition('crypto payment request', CRYPTO_PAYMENT_MACHINE, {
  create: async () => {
    const { contract, milestone } = await loadMilestoneSubject(await createMilestoneSubject(await parties))
    const input = { payerId: contract.clientId, contract, milestone, now: START }
    const outcome = await startCryptoPayment({ ...input, asset: 'BTC', network: 'bitcoin' }, rate)
    if (!outcome.ok) throw new Error(outcome.message)
    return outcome.request.id
  },
  read,
  take: {
    confirm: async (id) => ['funded', 'to_wallet'].includes((await pay(id, 'webhook', minutes(5))).kind),
    confirm_by_admin: async (id) => ['funded', 'to_wallet'].includes((await pay(id, 'admin', minutes(5))).kind),
    // Expiry happens when anything touches the request after its rate lock ended.
    expire: async (id) => {
      const before = (await read(id)).status
      await pay(id, 'webhook', minutes(120))
      return (await read(id)).status !== before
    },
  },
})

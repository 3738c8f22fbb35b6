import { afterEach, describe, expect, it } from 'vitest'
import { findCardPayment } from '~/models/card-payments.server'
import { findMilestone } from '~/models/contracts.server'
import { findCryptoPaymentRequest } from '~/models/crypto-payments.server'
import { balanceOf } from '~/models/ledger.server'
import { findPayout } from '~/models/payouts.server'
import { loader as adminCryptoLoader } from '~/routes/_portal.admin.crypto-payments'
import { action as checkoutAction, loader as checkoutLoader } from '~/routes/_portal.checkout.$paymentId'
import { loader as contractLoader } from '~/routes/_portal.contracts_.$contractId._index'
import { loader as payoutsLoader } from '~/routes/_portal.payouts._index'
import { createFixedContract } from '~/test/fixed-contract'
import { formRequest, getRequest, run } from '~/test/requests'
import { createTestUser, signedInCookie } from '~/test/users'
import { freelancerWithWallet, TEST_BANK_ACCOUNT } from '~/test/wallet'
import { parseEnv, resetEnvForTests } from '~/utils/env.server'
import { confirmSandboxCryptoPayment } from '../crypto/crypto-admin.server'
import { startCryptoPayment, type RateLookup } from '../crypto/crypto-payments.server'
import { CRYPTO_PAYMENT_CHOICES } from '../../../domain/crypto-networks'
import { createSandboxMilestonePayment, payMilestoneByCard, startMilestoneCardPayment } from '../ledger/escrow.server'
import { addCryptoMethod, addSandboxBankMethod } from '../payouts/payout-methods.server'
import { PAYOUT_REVIEW_WINDOW_MS } from '../payouts/payout-transitions'
import { requestPayout, runPayoutSending } from '../payouts/payouts.server'
import { fundingPaths, payoutMethodPaths, sandboxMoney } from './sandbox-money.server'
import { resetStripeClient } from './stripe.server'

const BTC_ADDRESS = 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4'
const ETH_ADDRESS = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045'
const TEST_CARD = { number: '4242 4242 4242 4242', expiry: '12/30', cvc: '123' }
const rate: RateLookup = async (base, quote, now) => ({
  base,
  quote,
  rate: '0.00001',
  asOf: now ?? new Date(),
  source: 'test snapshot',
})

const KEYS = [
  'NODE_ENV',
  'DEMO',
  'SANDBOX_PAYMENTS',
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
  'CRYPTO_RECEIVE_ADDRESS_BITCOIN',
] as const
const saved = Object.fromEntries(KEYS.map((key) => [key, process.env[key]]))

/** Switches the running app's configuration, as a restart with these variables would. */
function configure(vars: Partial<Record<(typeof KEYS)[number], string>>) {
  for (const key of KEYS) {
    const value = key in vars ? vars[key] : saved[key]
    if (value === undefined) delete process.env[key]
    else (process.env as Record<string, string>)[key] = value
  }
  resetEnvForTests()
  resetStripeClient()
}

afterEach(() => configure({}))

const PRODUCTION = { NODE_ENV: 'production' }
const STRIPE = {
  STRIPE_SECRET_KEY: 'sk_test_megilance0123456789',
  STRIPE_WEBHOOK_SECRET: 'whsec_megilanceTestSecret0123456789',
}

const escrow = (contractId: string) => balanceOf({ kind: 'escrow', ownerId: contractId, currency: 'USD' })
const wallet = (userId: string) => balanceOf({ kind: 'wallet', ownerId: userId, currency: 'USD' })

type Setup = Awaited<ReturnType<typeof createFixedContract>>
const startCrypto = (setup: Setup, network: 'bitcoin' | 'ethereum' = 'ethereum') =>
  startCryptoPayment(
    {
      payerId: setup.client.id,
      contract: setup.contract,
      milestone: setup.milestone,
      asset: network === 'bitcoin' ? 'BTC' : 'USDC',
      network,
    },
    rate,
  )

describe('the rule', () => {
  it('allows sandbox money in development, tests and the demo; in production only with DEMO or SANDBOX_PAYMENTS', () => {
    expect(sandboxMoney(parseEnv({ NODE_ENV: 'development' }))).toEqual({ available: true })
    expect(sandboxMoney(parseEnv({ NODE_ENV: 'test' }))).toEqual({ available: true })
    expect(sandboxMoney(parseEnv({ NODE_ENV: 'production', DEMO: 'true' }))).toEqual({ available: true })
    expect(sandboxMoney(parseEnv({ NODE_ENV: 'production', SANDBOX_PAYMENTS: 'true' }))).toEqual({ available: true })
    expect(sandboxMoney(parseEnv({ NODE_ENV: 'production' }))).toEqual({
      available: false,
      reason: 'Test payments are turned off, and real payments are not available here yet.',
      operatorReason:
        'Sandbox payments are turned off on this installation, and no real payment provider is set up yet.',
    })
  })

  it('is off wherever a real provider is configured, even in the demo: sandbox and real money never share a wallet', () => {
    expect(sandboxMoney(parseEnv({ NODE_ENV: 'production', DEMO: 'true', ...STRIPE }))).toEqual({
      available: false,
      reason: 'This marketplace moves real money, so test payments are not accepted.',
      operatorReason:
        'This installation handles real money (Stripe), so sandbox payments are turned off: test money never shares a wallet with real money.',
    })
    expect(
      sandboxMoney(parseEnv({ NODE_ENV: 'development', CRYPTO_RECEIVE_ADDRESS_BITCOIN: BTC_ADDRESS })),
    ).toMatchObject({
      available: false,
      operatorReason: expect.stringContaining('(crypto receiving addresses)'),
    })
  })

  it('says what the pages offer: nothing they would refuse, and why something is missing', () => {
    expect(fundingPaths(parseEnv({}))).toEqual({
      card: 'sandbox',
      cryptoChoices: CRYPTO_PAYMENT_CHOICES.map(({ value, label }) => ({ value, label })),
      note: null,
    })
    const withStripe = fundingPaths(parseEnv(STRIPE))
    expect(withStripe).toMatchObject({
      card: 'stripe',
      cryptoChoices: [],
      note: expect.stringMatching(/^Not offered here: crypto on some networks\. This marketplace moves real money/),
    })
    const withBitcoin = fundingPaths(parseEnv({ CRYPTO_RECEIVE_ADDRESS_BITCOIN: BTC_ADDRESS }))
    expect(withBitcoin).toMatchObject({
      card: null,
      cryptoChoices: [{ value: 'BTC:bitcoin', label: expect.any(String) }],
      note: expect.stringMatching(/^Not offered here: card payments and crypto on some networks/),
    })
    expect(fundingPaths(parseEnv(PRODUCTION))).toMatchObject({
      card: null,
      cryptoChoices: [],
      note: expect.stringContaining('Test payments are turned off'),
    })

    expect(payoutMethodPaths(parseEnv({}))).toEqual({ bank: 'sandbox', crypto: true, note: null })
    expect(payoutMethodPaths(parseEnv(STRIPE))).toMatchObject({
      bank: 'stripe',
      crypto: false,
      note: expect.stringMatching(/^Not offered here: crypto wallets/),
    })
    expect(payoutMethodPaths(parseEnv(PRODUCTION))).toMatchObject({
      bank: null,
      crypto: false,
      note: expect.stringMatching(/^Not offered here: crypto wallets and bank accounts/),
    })
  })
})

describe('what members read', () => {
  // Members read what they can do here, never how the installation is configured.
  const OPERATOR_WORDS = /installation|stripe key|sandbox|adapter|receiving address|STRIPE_|CRYPTO_|DEMO|provider/i
  it('names no setting, key or sandbox in any configuration', () => {
    for (const env of [PRODUCTION, STRIPE, { CRYPTO_RECEIVE_ADDRESS_BITCOIN: BTC_ADDRESS }, {}]) {
      const parsed = parseEnv(env)
      const sandbox = sandboxMoney(parsed)
      const sentences = [
        sandbox.available ? '' : sandbox.reason,
        fundingPaths(parsed).note ?? '',
        payoutMethodPaths(parsed).note ?? '',
      ]
      for (const sentence of sentences) expect(sentence).not.toMatch(OPERATOR_WORDS)
    }
  })
})

describe('in production without DEMO or SANDBOX_PAYMENTS', () => {
  it('refuses sandbox crypto requests, and an admin cannot confirm one made earlier', async () => {
    const earlier = await createFixedContract(30_000)
    const started = await startCrypto(earlier)
    if (!started.ok) throw new Error(started.message)
    const admin = await createTestUser('admin')
    configure(PRODUCTION)

    const other = await createFixedContract(30_000)
    expect(await startCrypto(other)).toEqual({
      ok: false,
      reason: 'conflict',
      message: expect.stringMatching(/^Ethereum cannot take payments here: Test payments are turned off/),
    })
    const confirm = await confirmSandboxCryptoPayment({ requestId: started.request.id, txHash: 'any-reference', admin })
    expect(confirm).toMatchObject({
      kind: 'sandbox_off',
      message: expect.stringContaining('This sandbox request cannot be confirmed.'),
    })
    expect((await findCryptoPaymentRequest(started.request.id))?.status).toBe('pending')
    expect((await findMilestone(earlier.contract.id, earlier.milestone.id))?.status).toBe('pending')
    expect(await escrow(earlier.contract.id)).toBe(0)

    // The admin page says why and offers no confirm form.
    const page = await (
      await run(adminCryptoLoader, getRequest('/admin/crypto-payments', await signedInCookie(admin.id)))
    ).json()
    expect(page.sandboxOff).toMatch(/Sandbox payments are turned off/)
  })

  it('refuses the sandbox card: no checkout starts, and an earlier sandbox payment charges nothing', async () => {
    const setup = await createFixedContract(20_000)
    const payment = await createSandboxMilestonePayment(setup.contract, setup.milestone)
    const cookie = await signedInCookie(setup.client.id)
    configure(PRODUCTION)

    expect(await startMilestoneCardPayment(setup.contract, setup.milestone, new Date())).toMatchObject({
      ok: false,
      refused: true,
    })
    expect(await payMilestoneByCard(payment, setup.contract, TEST_CARD, 'Clara')).toMatchObject({
      ok: false,
      field: null,
    })
    const params = { paymentId: payment.id }
    expect((await run(checkoutLoader, getRequest(`/checkout/${payment.id}`, cookie), params)).status).toBe(409)
    const posted = await run(
      checkoutAction,
      formRequest(`/checkout/${payment.id}`, { name: 'Clara Client', ...TEST_CARD }, cookie),
      params,
    )
    expect(posted.status).toBe(409)
    expect((await findCardPayment(payment.id))?.status).toBe('pending')
    expect(await escrow(setup.contract.id)).toBe(0)

    // The contract page offers neither the card nor crypto, and says why.
    const page = await (
      await run(contractLoader, getRequest(`/contracts/${setup.contract.id}`, cookie), {
        contractId: setup.contract.id,
      })
    ).json()
    expect(page.paths).toMatchObject({
      card: null,
      cryptoChoices: [],
      note: expect.stringContaining('Test payments are turned off'),
    })
  })

  it('refuses sandbox payouts and new sandbox methods; a queued sandbox payout fails and returns the money', async () => {
    const user = await freelancerWithWallet(60_000)
    const crypto = await addCryptoMethod(user.id, { asset: 'USDC', network: 'ethereum', address: ETH_ADDRESS })
    const bank = await addSandboxBankMethod(user.id, TEST_BANK_ACCOUNT)
    if (!crypto.ok || !bank.ok) throw new Error('methods not added')
    const now = new Date()
    const queued = await requestPayout(
      user,
      { methodId: bank.method.id, currency: 'USD', amountMinor: 20_000, speed: 'standard', idempotencyKey: 'queued' },
      now,
    )
    if (!queued.ok) throw new Error(queued.message)
    configure(PRODUCTION)

    for (const method of [crypto.method, bank.method]) {
      const refused = await requestPayout(user, {
        methodId: method.id,
        currency: 'USD',
        amountMinor: 5_000,
        speed: 'instant',
        idempotencyKey: `now-${method.id}`,
      })
      expect(refused).toMatchObject({
        ok: false,
        reason: 'invalid',
        field: 'methodId',
        message: expect.stringMatching(/are not available: Test payments are turned off/),
      })
    }
    expect(await wallet(user.id)).toBe(40_000)
    expect(await addCryptoMethod(user.id, { asset: 'USDC', network: 'ethereum', address: ETH_ADDRESS })).toMatchObject({
      ok: false,
    })
    expect(await addSandboxBankMethod(user.id, TEST_BANK_ACCOUNT)).toMatchObject({ ok: false })

    await runPayoutSending(new Date(now.getTime() + PAYOUT_REVIEW_WINDOW_MS + 1))
    expect(await findPayout(queued.payout.id)).toMatchObject({ status: 'failed', providerRef: null })
    expect(await wallet(user.id)).toBe(60_000)

    // The payout form offers neither method, and says why.
    const page = await (await run(payoutsLoader, getRequest('/payouts', await signedInCookie(user.id)))).json()
    expect(page.methods).toEqual([])
    expect(page.methodsNote).toMatch(/Test payments are turned off/)
  })
})

describe('next to a real provider', () => {
  it('with a Stripe key: no sandbox crypto, no admin confirmation, no crypto payouts', async () => {
    const setup = await createFixedContract(30_000)
    const earlier = await startCrypto(setup)
    if (!earlier.ok) throw new Error(earlier.message)
    const user = await freelancerWithWallet(30_000)
    const crypto = await addCryptoMethod(user.id, { asset: 'USDC', network: 'ethereum', address: ETH_ADDRESS })
    if (!crypto.ok) throw new Error(crypto.message)
    const admin = await createTestUser('admin')
    configure(STRIPE)

    const other = await createFixedContract(30_000)
    expect(await startCrypto(other)).toMatchObject({
      ok: false,
      reason: 'conflict',
      message: expect.stringContaining('This marketplace moves real money'),
    })
    expect(
      await confirmSandboxCryptoPayment({ requestId: earlier.request.id, txHash: 'any-reference', admin }),
    ).toMatchObject({ kind: 'sandbox_off' })
    expect(await escrow(setup.contract.id)).toBe(0)
    expect(
      await requestPayout(user, {
        methodId: crypto.method.id,
        currency: 'USD',
        amountMinor: 5_000,
        speed: 'instant',
        idempotencyKey: 'c',
      }),
    ).toMatchObject({ ok: false, field: 'methodId' })
    expect(await wallet(user.id)).toBe(30_000)
  })

  it('with a Bitcoin receiving address: Bitcoin takes payments, sandbox networks and the sandbox card do not', async () => {
    configure({ CRYPTO_RECEIVE_ADDRESS_BITCOIN: BTC_ADDRESS })
    const setup = await createFixedContract(30_000)
    const bitcoin = await startCrypto(setup, 'bitcoin')
    expect(bitcoin).toMatchObject({ ok: true, request: { sandbox: false, receiveAddress: BTC_ADDRESS } })
    expect(await startCrypto(setup)).toMatchObject({
      ok: false,
      reason: 'conflict',
      message: expect.stringContaining('This marketplace moves real money'),
    })
    expect(await startMilestoneCardPayment(setup.contract, setup.milestone, new Date())).toMatchObject({
      ok: false,
      refused: true,
    })
  })
})

describe('the demo in production (DEMO=true) keeps every sandbox path', () => {
  it('takes sandbox crypto confirmed by an admin, the test card, and sends sandbox payouts', async () => {
    configure({ ...PRODUCTION, DEMO: 'true' })
    const setup = await createFixedContract(30_000)
    const started = await startCrypto(setup)
    if (!started.ok) throw new Error(started.message)
    const admin = await createTestUser('admin')
    expect(
      await confirmSandboxCryptoPayment({ requestId: started.request.id, txHash: 'demo-reference', admin }),
    ).toMatchObject({ kind: 'funded' })
    expect(await escrow(setup.contract.id)).toBe(30_000)

    const carded = await createFixedContract(20_000)
    const start = await startMilestoneCardPayment(carded.contract, carded.milestone, new Date())
    expect(start).toMatchObject({ ok: true, redirectTo: expect.stringMatching(/^\/checkout\//) })
    const payment = (await findCardPayment(start.ok ? start.redirectTo.split('/').pop()! : ''))!
    expect(await payMilestoneByCard(payment, carded.contract, TEST_CARD, 'Clara')).toEqual({ ok: true, funded: true })

    const user = await freelancerWithWallet(30_000)
    const crypto = await addCryptoMethod(user.id, { asset: 'USDC', network: 'ethereum', address: ETH_ADDRESS })
    if (!crypto.ok) throw new Error(crypto.message)
    const payout = await requestPayout(user, {
      methodId: crypto.method.id,
      currency: 'USD',
      amountMinor: 30_000,
      speed: 'instant',
      idempotencyKey: 'demo',
    })
    expect(payout).toMatchObject({ ok: true, payout: { status: 'sent', sandbox: true } })
  })
})

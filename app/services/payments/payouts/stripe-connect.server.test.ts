import { http } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { balanceOf } from '~/models/ledger.server'
import { findPayout, findPendingStripeMethod, listPayoutMethodsOf } from '~/models/payouts.server'
import { action as bankAction, loader as bankLoader } from '~/routes/_portal.payouts.bank'
import { action as methodsAction } from '~/routes/_portal.payouts.methods'
import { getRequest, run } from '~/test/requests'
import { createTestUser, steppedUpCookie } from '~/test/users'
import { finishBankOnboarding, startBankOnboarding } from './payout-methods.server'
import { requestPayout, runPayoutSending } from './payouts.server'
import { PAYOUT_REVIEW_WINDOW_MS } from './payout-transitions'
import { resetStripeClient } from '../cards/stripe.server'
import { server } from '~/test/msw-server'
import { topUpWallet } from '~/test/wallet'
import { siteOrigin } from '~/utils/env.server'
import { record, STRIPE_API, stripeError, stripePost, type StripeCall } from '~/test/stripe-api'

// The real stripe SDK against intercepted https://api.stripe.com; the key is set before any module reads the environment.
vi.hoisted(() => {
  process.env.STRIPE_SECRET_KEY = 'sk_test_payouts123'
})
resetStripeClient()

const ACCOUNT = {
  id: 'acct_1Payouts',
  object: 'account',
  country: 'DE',
  details_submitted: true,
  payouts_enabled: true,
  external_accounts: {
    object: 'list',
    data: [
      {
        id: 'ba_1',
        object: 'bank_account',
        last4: '3000',
        account_holder_name: 'Farid Tester',
        available_payout_methods: ['standard', 'instant'],
      },
    ],
  },
}

/** A $200 instant payout request. */
const instantPayout = (user: { id: string }, methodId: string, idempotencyKey: string, now = new Date()) =>
  requestPayout(user, { methodId, currency: 'USD', amountMinor: 20_000, speed: 'instant', idempotencyKey }, now)
const walletBalance = (ownerId: string) => balanceOf({ kind: 'wallet', ownerId, currency: 'USD' })

let accounts = 0

async function connectedFreelancer(seen: StripeCall[]) {
  const user = await createTestUser('freelancer')
  const id = accounts++ === 0 ? 'acct_1Payouts' : `acct_1Payouts${accounts}`
  server.use(
    http.post(
      `${STRIPE_API}/accounts`,
      record(seen, () => ({ ...ACCOUNT, id, details_submitted: false, payouts_enabled: false })),
    ),
    http.post(
      `${STRIPE_API}/account_links`,
      record(seen, () => ({
        object: 'account_link',
        url: `https://connect.stripe.com/setup/e/${id}/abc`,
        expires_at: 0,
      })),
    ),
    http.get(
      `${STRIPE_API}/accounts/${id}`,
      record(seen, () => ({ ...ACCOUNT, id })),
    ),
  )
  const started = await startBankOnboarding(user)
  expect(await finishBankOnboarding(user.id)).toEqual({ status: 'active' })
  await topUpWallet(user.id, 45_000)
  const [method] = await listPayoutMethodsOf(user.id)
  return { user, method: method!, started }
}

describe('bank payouts through Stripe Connect Express', () => {
  it('creates an Express account with the transfers capability, sends the person to the Account Link, and reads the account on return', async () => {
    const seen: StripeCall[] = []
    const { user, method, started } = await connectedFreelancer(seen)
    expect(started).toEqual({ redirectTo: 'https://connect.stripe.com/setup/e/acct_1Payouts/abc' })
    expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual([
      'POST /v1/accounts',
      'POST /v1/account_links',
      'GET /v1/accounts/acct_1Payouts',
    ])
    expect(seen[0]!.auth).toBe('Bearer sk_test_payouts123')
    expect(seen[0]!.form).toMatchObject({
      type: 'express',
      email: user.email,
      'capabilities[transfers][requested]': 'true',
    })
    expect(seen[1]!.form).toEqual({
      account: 'acct_1Payouts',
      refresh_url: `${siteOrigin()}/payouts/bank`,
      return_url: `${siteOrigin()}/payouts/bank/return`,
      type: 'account_onboarding',
    })
    expect(method).toMatchObject({
      status: 'active',
      provider: 'stripe',
      accountLast4: '3000',
      holderName: 'Farid Tester',
      instantAvailable: true,
      country: 'DE',
    })
    expect(await findPendingStripeMethod(user.id)).toBeUndefined()
  })

  it('/payouts/bank only shows a "Continue to Stripe" button on GET; the account and link are made on the POST, with return URLs on the site origin whatever the Host header', async () => {
    const seen: StripeCall[] = []
    const user = await createTestUser('freelancer')
    const cookie = await steppedUpCookie(user.id)
    server.use(
      http.post(
        `${STRIPE_API}/accounts`,
        record(seen, () => ({ ...ACCOUNT, id: 'acct_3Button', details_submitted: false, payouts_enabled: false })),
      ),
      http.post(
        `${STRIPE_API}/account_links`,
        record(seen, () => ({ object: 'account_link', url: 'https://connect.stripe.com/setup/e/acct_3Button/x' })),
      ),
    )
    // Stripe's refresh URL, a prefetch or a crawler following a link: nothing is created.
    const page = await run(bankLoader, getRequest('/payouts/bank', cookie))
    expect(page.status).toBe(200)
    expect(await page.json()).toEqual({ stripe: true, countries: [] })
    expect(seen).toEqual([])
    expect(await listPayoutMethodsOf(user.id)).toEqual([])

    // As the server builds the request from a forged Host header: the URL carries that host.
    const post = new Request('http://attacker.example/payouts/bank', {
      method: 'POST',
      headers: { cookie, host: 'attacker.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    })
    const onward = await run(bankAction, post)
    expect(onward.status).toBe(302)
    expect(onward.headers.get('location')).toBe('https://connect.stripe.com/setup/e/acct_3Button/x')
    expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual(['POST /v1/accounts', 'POST /v1/account_links'])
    const port = process.env.PORT ?? 3000
    expect(seen[1]!.form).toMatchObject({
      refresh_url: `http://localhost:${port}/payouts/bank`,
      return_url: `http://localhost:${port}/payouts/bank/return`,
    })
    expect(await findPendingStripeMethod(user.id)).toMatchObject({ stripeAccountId: 'acct_3Button' })

    // "Add a bank account" on the payout methods page takes the same way.
    const methodsCookie = await steppedUpCookie(user.id)
    const fromMethods = await run(
      methodsAction,
      new Request('http://attacker.example/payouts/methods', {
        method: 'POST',
        headers: {
          cookie: methodsCookie,
          host: 'attacker.example',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ intent: 'add-bank' }),
      }),
    )
    expect(fromMethods.status).toBe(302)
    expect(seen[2]!.form).toMatchObject({ refresh_url: `http://localhost:${port}/payouts/bank` })
  })

  it('keeps the method pending while Stripe still needs details', async () => {
    const seen: StripeCall[] = []
    const user = await createTestUser('freelancer')
    server.use(
      http.post(
        `${STRIPE_API}/accounts`,
        record(seen, () => ({ ...ACCOUNT, id: 'acct_2Pending' })),
      ),
      http.post(
        `${STRIPE_API}/account_links`,
        record(seen, () => ({ object: 'account_link', url: 'https://connect.stripe.com/setup/e/acct_2Pending/x' })),
      ),
      http.get(
        `${STRIPE_API}/accounts/acct_2Pending`,
        record(seen, () => ({ ...ACCOUNT, id: 'acct_2Pending', details_submitted: true, payouts_enabled: false })),
      ),
    )
    await startBankOnboarding(user)
    await startBankOnboarding(user)
    expect(seen.filter((s) => s.path === '/v1/accounts')).toHaveLength(1)
    expect(await finishBankOnboarding(user.id)).toEqual({ status: 'pending' })
  })

  it('sends a standard payout as a Transfer to the connected account with the payout’s idempotency key', async () => {
    const seen: StripeCall[] = []
    const { user, method } = await connectedFreelancer(seen)
    server.use(
      stripePost(seen, 'transfers', (s) => ({ id: 'tr_1Sent', object: 'transfer', amount: Number(s.form.amount) })),
    )
    const now = new Date()
    const requested = await requestPayout(
      user,
      { methodId: method.id, currency: 'USD', amountMinor: 30_000, speed: 'standard', idempotencyKey: 'bank-1' },
      now,
    )
    if (!requested.ok) throw new Error(requested.message)
    expect(requested.payout).toMatchObject({ status: 'requested', sandbox: false })
    await runPayoutSending(new Date(now.getTime() + PAYOUT_REVIEW_WINDOW_MS + 1))
    const transfers = seen.filter((s) => s.path === '/v1/transfers')
    expect(transfers).toHaveLength(1)
    expect(transfers[0]!.form).toMatchObject({
      amount: '30000',
      currency: 'usd',
      destination: method.stripeAccountId,
      'metadata[megilance_payout_id]': requested.payout.id,
    })
    expect(transfers[0]!.idempotencyKey).toBe(`payout:${requested.payout.id}:transfer`)
    expect(await findPayout(requested.payout.id)).toMatchObject({ status: 'sent', providerRef: 'tr_1Sent' })
    expect(await walletBalance(user.id)).toBe(15_000)
  })

  it('pays an instant payout out on the connected account after the transfer (amount less the 1% fee)', async () => {
    const seen: StripeCall[] = []
    const { user, method } = await connectedFreelancer(seen)
    server.use(
      stripePost(seen, 'transfers', () => ({ id: 'tr_2', object: 'transfer' })),
      stripePost(seen, 'payouts', () => ({ id: 'po_2', object: 'payout' })),
    )
    const result = await instantPayout(user, method.id, 'bank-2')
    expect(result).toMatchObject({ ok: true, payout: { status: 'sent', feeMinor: 200, providerRef: 'tr_2 po_2' } })
    const payout = seen.find((s) => s.path === '/v1/payouts')!
    expect(payout.form).toMatchObject({ amount: '19800', currency: 'usd', method: 'instant' })
    expect(payout.stripeAccount).toBe(method.stripeAccountId)
  })

  it('keeps an instant payout sent when the transfer went through but Stripe refuses the instant payout', async () => {
    const seen: StripeCall[] = []
    const { user, method } = await connectedFreelancer(seen)
    server.use(
      stripePost(seen, 'transfers', () => ({ id: 'tr_3', object: 'transfer' })),
      stripePost(
        seen,
        'payouts',
        () => stripeError('invalid_request_error', 'This bank account does not support instant payouts.'),
        400,
      ),
    )
    const result = await instantPayout(user, method.id, 'bank-4')
    expect(result).toMatchObject({
      ok: true,
      payout: {
        status: 'sent',
        providerRef: 'tr_3',
        statusReason: expect.stringContaining('does not support instant payouts'),
      },
    })
    expect(await walletBalance(user.id)).toBe(25_000)
  })

  it('tries again later with the same idempotency key when Stripe does not answer, and sends once', async () => {
    const seen: StripeCall[] = []
    const { user, method } = await connectedFreelancer(seen)
    server.use(
      stripePost(seen, 'transfers', () => stripeError('api_error', 'Something went wrong on Stripe’s end.'), 500),
    )
    const now = new Date()
    const requested = await instantPayout(user, method.id, 'bank-5', now)
    expect(requested).toMatchObject({ ok: true, payout: { status: 'requested' } })
    if (!requested.ok) return
    expect(await walletBalance(user.id)).toBe(25_000)
    // The sending job tries again, with the same key.
    server.use(
      stripePost(seen, 'transfers', () => ({ id: 'tr_5', object: 'transfer' })),
      stripePost(seen, 'payouts', () => ({ id: 'po_5', object: 'payout' })),
    )
    await runPayoutSending(new Date(now.getTime() + PAYOUT_REVIEW_WINDOW_MS + 1))
    expect(await findPayout(requested.payout.id)).toMatchObject({ status: 'sent', providerRef: 'tr_5 po_5' })
    const keys = new Set(seen.filter((s) => s.path === '/v1/transfers').map((s) => s.idempotencyKey))
    expect(keys).toEqual(new Set([`payout:${requested.payout.id}:transfer`]))
  })

  it('fails the payout and returns the whole amount when Stripe refuses the transfer', async () => {
    const seen: StripeCall[] = []
    const { user, method } = await connectedFreelancer(seen)
    server.use(
      stripePost(
        seen,
        'transfers',
        () => stripeError('invalid_request_error', 'Insufficient funds in your Stripe balance.'),
        400,
      ),
    )
    const result = await instantPayout(user, method.id, 'bank-3')
    expect(result).toMatchObject({
      ok: true,
      payout: { status: 'failed', statusReason: 'The transfer failed: Insufficient funds in your Stripe balance.' },
    })
    expect(await walletBalance(user.id)).toBe(45_000)
  })
})

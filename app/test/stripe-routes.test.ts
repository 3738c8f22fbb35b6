import { http, HttpResponse } from 'msw'
import Stripe from 'stripe'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { findCardPayment } from '~/models/card-payments.server'
import { findContract, findMilestone } from '~/models/contracts.server'
import { balanceOf, checkLedgerInvariants } from '~/models/ledger.server'
import { listStripeEventsForPayment } from '~/models/stripe-events.server'
import { action as checkoutAction, loader as checkoutLoader } from '~/routes/_portal.checkout.$paymentId'
import { action as contractAction, loader as contractLoader } from '~/routes/_portal.contracts_.$contractId._index'
import { action as webhookAction } from '~/routes/webhooks.stripe'
import { endContract } from '~/services/marketplace/contracts.server'
import { resetStripeClient } from '~/services/payments/cards/stripe.server'
import { resetEnvForTests, siteOrigin } from '~/utils/env.server'
import { formRequest, getRequest, run } from './requests'
import { server } from './msw-server'
import { createTestUser, signedInCookie } from './users'
import { createFixedContract } from './fixed-contract'

const SECRET_KEY = 'sk_test_megilance0123456789'
const WEBHOOK_SECRET = 'whsec_megilanceTestSecret0123456789'
const STRIPE_API = 'https://api.stripe.com/v1'

/** What Stripe's API received, for the assertions; and the sessions it "holds". */
type Captured = { body: URLSearchParams; idempotencyKey: string | null; auth: string | null }
let created: Captured[] = []
const sessions = new Map<string, Record<string, unknown>>()
let stripeDown = false

/** Stripe's checkout sessions API as this file needs it, added to the shared MSW server before each test. */
const stripeApi = [
  http.post(`${STRIPE_API}/checkout/sessions`, async ({ request }) => {
    if (stripeDown)
      return HttpResponse.json({ error: { type: 'api_error', message: 'Stripe is having a moment.' } }, { status: 500 })
    const body = new URLSearchParams(await request.text())
    const idempotencyKey = request.headers.get('idempotency-key')
    created.push({ body, idempotencyKey, auth: request.headers.get('authorization') })
    // Stripe answers a repeated idempotency key with the first session.
    const existing = [...sessions.values()].find((session) => session.idempotency_key === idempotencyKey)
    if (existing) return HttpResponse.json(existing)
    const id = `cs_test_${crypto.randomUUID().replaceAll('-', '')}`
    const session = {
      id,
      object: 'checkout.session',
      mode: 'payment',
      status: 'open',
      payment_status: 'unpaid',
      amount_total: Number(body.get('line_items[0][price_data][unit_amount]')),
      currency: body.get('line_items[0][price_data][currency]'),
      client_reference_id: body.get('client_reference_id'),
      metadata: { payment_id: body.get('metadata[payment_id]'), purpose: body.get('metadata[purpose]') },
      success_url: body.get('success_url'),
      cancel_url: body.get('cancel_url'),
      url: `https://checkout.stripe.com/c/pay/${id}`,
      idempotency_key: idempotencyKey,
    }
    sessions.set(id, session)
    return HttpResponse.json(session)
  }),
  http.get(`${STRIPE_API}/checkout/sessions/:id`, ({ params }) => {
    const session = sessions.get(String(params.id))
    return session
      ? HttpResponse.json(session)
      : HttpResponse.json({ error: { type: 'invalid_request_error', message: 'No such session' } }, { status: 404 })
  }),
]

function configureStripe(on: boolean) {
  if (on) {
    process.env.STRIPE_SECRET_KEY = SECRET_KEY
    process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
  } else {
    delete process.env.STRIPE_SECRET_KEY
    delete process.env.STRIPE_WEBHOOK_SECRET
  }
  resetEnvForTests()
  resetStripeClient()
}

beforeEach(() => {
  server.use(...stripeApi)
  configureStripe(true)
  created = []
  stripeDown = false
})
afterAll(() => configureStripe(false))

async function fixedContract(amountMinor = 50_000) {
  const { client, freelancer, contract, milestone } = await createFixedContract(amountMinor, 'Online shop')
  return {
    client,
    freelancer,
    contractId: contract.id,
    milestoneId: milestone.id,
    cookie: await signedInCookie(client.id),
  }
}

type Setup = Awaited<ReturnType<typeof fixedContract>>

/** The client presses "Fund" with "Card" chosen on the contract page. */
function fund(setup: Setup, request = fundRequest(setup)) {
  return run(contractAction, request, { contractId: setup.contractId })
}

function fundRequest(setup: Setup): Request {
  const fields = { intent: 'fund', milestoneId: setup.milestoneId, method: 'card' }
  return formRequest(`/contracts/${setup.contractId}`, fields, setup.cookie)
}

/** The same press as the server builds it from a forged Host header: the request's URL carries that host. */
function forgedHostFundRequest(setup: Setup): Request {
  const honest = fundRequest(setup)
  const headers = new Headers(honest.headers)
  headers.set('host', 'attacker.example')
  headers.set('x-forwarded-host', 'attacker.example')
  return new Request(`http://attacker.example/contracts/${setup.contractId}`, {
    method: 'POST',
    headers,
    body: new URLSearchParams({ intent: 'fund', milestoneId: setup.milestoneId, method: 'card' }),
  })
}

/** Starts a Stripe payment and returns our payment and Stripe's session. */
async function startStripePayment(setup: Setup) {
  const response = await fund(setup)
  expect(response.status).toBe(302)
  const sessionId = (response.headers.get('location') ?? '').split('/').pop() ?? ''
  const session = sessions.get(sessionId)
  if (!session) throw new Error('no Stripe session was created')
  const payment = await findCardPayment(String((session.metadata as { payment_id: string }).payment_id))
  if (!payment) throw new Error('no payment')
  return { payment, session, location: response.headers.get('location') }
}

const signer = new Stripe(SECRET_KEY)

function stripeEvent(
  type: string,
  object: Record<string, unknown>,
  id = `evt_${crypto.randomUUID().replaceAll('-', '')}`,
) {
  return JSON.stringify({
    id,
    object: 'event',
    api_version: '2025-01-01',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    type,
    data: { object },
  })
}

/** A delivery as Stripe makes it: the raw JSON body and its signature header. */
function delivery(
  payload: string,
  signature: string | null = signer.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }),
) {
  return new Request('http://localhost/webhooks/stripe', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { 'stripe-signature': signature } : {}) },
    body: payload,
  })
}

async function deliver(payload: string, signature?: string | null) {
  const response = await run(webhookAction, delivery(payload, signature))
  return { status: response.status, body: (await response.json()) as { received: boolean; outcome?: string } }
}

const paid = (session: Record<string, unknown>) => ({ ...session, status: 'complete', payment_status: 'paid' })
const escrow = (contractId: string) => balanceOf({ kind: 'escrow', ownerId: contractId, currency: 'USD' })
const clientWallet = (userId: string) => balanceOf({ kind: 'wallet', ownerId: userId, currency: 'USD' })
const healthy = { unbalancedCurrencies: [], negativeAccounts: 0, unbalancedTransactions: 0 }

describe('starting a card payment', () => {
  it('goes to the sandbox checkout without a Stripe key', async () => {
    configureStripe(false)
    const setup = await fixedContract()
    const response = await fund(setup)
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toMatch(/^\/checkout\/[0-9a-f-]{36}$/)
    expect(created).toHaveLength(0)
    const page = await run(contractLoader, getRequest(`/contracts/${setup.contractId}`, setup.cookie), {
      contractId: setup.contractId,
    })
    expect((await page.json()).paths.card).toBe('sandbox')
  })

  it('creates a Stripe Checkout Session with the amount, currency, our payment id and an idempotency key, and redirects to it', async () => {
    const setup = await fixedContract(50_000)
    const page = await run(contractLoader, getRequest(`/contracts/${setup.contractId}`, setup.cookie), {
      contractId: setup.contractId,
    })
    expect((await page.json()).paths.card).toBe('stripe')

    const { payment, location } = await startStripePayment(setup)
    expect(location).toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/)
    expect(created).toHaveLength(1)
    const [{ body, idempotencyKey, auth }] = created as [Captured]
    expect(auth).toBe(`Bearer ${SECRET_KEY}`)
    expect(idempotencyKey).toBe(`checkout:${payment.id}`)
    expect(body.get('mode')).toBe('payment')
    expect(body.get('line_items[0][price_data][unit_amount]')).toBe('50000')
    expect(body.get('line_items[0][price_data][currency]')).toBe('usd')
    expect(body.get('line_items[0][quantity]')).toBe('1')
    expect(body.get('metadata[payment_id]')).toBe(payment.id)
    expect(body.get('payment_intent_data[metadata][payment_id]')).toBe(payment.id)
    expect(body.get('success_url')).toBe(`${siteOrigin()}/checkout/${payment.id}?stripe=return`)
    expect(body.get('cancel_url')).toBe(`${siteOrigin()}/checkout/${payment.id}?stripe=cancelled`)
    expect(payment).toMatchObject({ provider: 'stripe', status: 'pending', amountMinor: 50_000, currency: 'USD' })
    expect(payment.providerRef).toMatch(/^cs_test_/)
    expect(await escrow(setup.contractId)).toBe(0)
  })

  it('never takes the return address from a forged Host header: APP_URL unset, it is this machine (http://localhost:PORT)', async () => {
    const setup = await fixedContract()
    const response = await fund(setup, forgedHostFundRequest(setup))
    expect(response.status).toBe(302)
    const paymentId = created[0]?.body.get('metadata[payment_id]')
    const port = process.env.PORT ?? 3000
    expect(created[0]?.body.get('success_url')).toBe(`http://localhost:${port}/checkout/${paymentId}?stripe=return`)
    expect(created[0]?.body.get('cancel_url')).toBe(`http://localhost:${port}/checkout/${paymentId}?stripe=cancelled`)
  })

  it('sends the payer back to APP_URL when it is set (behind a proxy the request origin is internal)', async () => {
    process.env.APP_URL = 'https://megilance.example/'
    resetEnvForTests()
    try {
      const setup = await fixedContract()
      const { payment } = await startStripePayment(setup)
      expect(created[0]?.body.get('success_url')).toBe(`https://megilance.example/checkout/${payment.id}?stripe=return`)
      const forged = await fixedContract()
      expect((await fund(forged, forgedHostFundRequest(forged))).status).toBe(302)
      const forgedId = created[1]?.body.get('metadata[payment_id]')
      expect(created[1]?.body.get('cancel_url')).toBe(`https://megilance.example/checkout/${forgedId}?stripe=cancelled`)
    } finally {
      delete process.env.APP_URL
      resetEnvForTests()
    }
  })

  it('says so when Stripe cannot be reached, and nothing is charged', async () => {
    const setup = await fixedContract()
    stripeDown = true
    const response = await fund(setup)
    expect(response.status).toBe(502)
    expect((await response.json()).conflict).toMatch(/Stripe could not start the payment/)
    expect((await findMilestone(setup.contractId, setup.milestoneId))?.status).toBe('pending')
  })

  it('refuses the sandbox’s test cards once Stripe is configured', async () => {
    configureStripe(false)
    const setup = await fixedContract()
    const paymentId = ((await fund(setup)).headers.get('location') ?? '').split('/').pop() ?? ''
    configureStripe(true)
    const card = { name: 'Clara Client', number: '4242 4242 4242 4242', expiry: '12/30', cvc: '123' }
    const response = await run(checkoutAction, formRequest(`/checkout/${paymentId}`, card, setup.cookie), { paymentId })
    expect(response.status).toBe(409)
    expect(await escrow(setup.contractId)).toBe(0)
  })
})

describe('Stripe webhooks', () => {
  it('a signed checkout.session.completed funds the milestone once; a replay, or a second event for the same session, moves nothing', async () => {
    const setup = await fixedContract(50_000)
    const { payment, session } = await startStripePayment(setup)
    const event = stripeEvent('checkout.session.completed', paid(session))

    expect(await deliver(event)).toEqual({ status: 200, body: { received: true, outcome: 'funded' } })
    expect(await escrow(setup.contractId)).toBe(50_000)
    expect((await findMilestone(setup.contractId, setup.milestoneId))?.status).toBe('funded')
    expect(await findCardPayment(payment.id)).toMatchObject({ status: 'succeeded' })

    expect(await deliver(event)).toEqual({ status: 200, body: { received: true, outcome: 'duplicate' } })
    expect(await deliver(stripeEvent('checkout.session.completed', paid(session)))).toEqual({
      status: 200,
      body: { received: true, outcome: 'already_paid' },
    })
    expect(await escrow(setup.contractId)).toBe(50_000)
    expect(await clientWallet(setup.client.id)).toBe(0)
    expect((await listStripeEventsForPayment(payment.id)).map((row) => row.outcome).sort()).toEqual([
      'already_paid',
      'funded',
    ])
    expect(await checkLedgerInvariants()).toEqual(healthy)
  })

  it('twenty parallel deliveries of the same event move money once', async () => {
    const setup = await fixedContract(20_000)
    const { session } = await startStripePayment(setup)
    const event = stripeEvent('checkout.session.completed', paid(session))
    const replies = await Promise.all(Array.from({ length: 20 }, () => deliver(event)))
    expect(replies.every((reply) => reply.status === 200)).toBe(true)
    expect(replies.filter((reply) => reply.body.outcome === 'funded')).toHaveLength(1)
    expect(replies.filter((reply) => reply.body.outcome === 'duplicate')).toHaveLength(19)
    expect(await escrow(setup.contractId)).toBe(20_000)
    expect(await checkLedgerInvariants()).toEqual(healthy)
  })

  it('refuses a bad or missing signature with 400 and moves nothing', async () => {
    const setup = await fixedContract()
    const { payment, session } = await startStripePayment(setup)
    const event = stripeEvent('checkout.session.completed', paid(session))
    const forged = signer.webhooks.generateTestHeaderString({ payload: event, secret: 'whsec_someoneElsesSecret' })
    expect((await deliver(event, forged)).status).toBe(400)
    expect((await deliver(event, null)).status).toBe(400)
    expect((await deliver(event, 't=1,v1=deadbeef')).status).toBe(400)
    const stale = signer.webhooks.generateTestHeaderString({
      payload: event,
      secret: WEBHOOK_SECRET,
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    })
    expect((await deliver(event, stale)).status).toBe(400)
    expect(await escrow(setup.contractId)).toBe(0)
    expect(await findCardPayment(payment.id)).toMatchObject({ status: 'pending' })
    expect(await listStripeEventsForPayment(payment.id)).toHaveLength(0)
  })

  it('refuses a body changed after signing with 400', async () => {
    const setup = await fixedContract(50_000)
    const { session } = await startStripePayment(setup)
    const event = stripeEvent('checkout.session.completed', { ...paid(session), amount_total: 100 })
    const signature = signer.webhooks.generateTestHeaderString({ payload: event, secret: WEBHOOK_SECRET })
    const tampered = event.replace('"amount_total":100', '"amount_total":50000')
    expect(tampered).not.toBe(event)
    expect((await deliver(tampered, signature)).status).toBe(400)
    // Even re-serialised JSON with the same content is not the signed bytes.
    expect((await deliver(JSON.stringify(JSON.parse(event), null, 2), signature)).status).toBe(400)
    expect(await escrow(setup.contractId)).toBe(0)
  })

  it('does not fund when Stripe reports a different amount than was asked', async () => {
    const setup = await fixedContract(50_000)
    const { session } = await startStripePayment(setup)
    const reply = await deliver(stripeEvent('checkout.session.completed', { ...paid(session), amount_total: 100 }))
    expect(reply).toEqual({ status: 200, body: { received: true, outcome: 'rejected' } })
    expect(await escrow(setup.contractId)).toBe(0)
  })

  it('sends a payment to the payer’s wallet when the milestone was funded some other way meanwhile', async () => {
    const setup = await fixedContract(30_000)
    const first = await startStripePayment(setup)
    const second = await startStripePayment(setup)
    expect(second.payment.id).not.toBe(first.payment.id)
    expect((await deliver(stripeEvent('checkout.session.completed', paid(first.session)))).body.outcome).toBe('funded')
    expect((await deliver(stripeEvent('checkout.session.completed', paid(second.session)))).body.outcome).toBe('wallet')
    expect(await escrow(setup.contractId)).toBe(30_000)
    expect(await clientWallet(setup.client.id)).toBe(30_000)
    expect(await checkLedgerInvariants()).toEqual(healthy)
  })

  it('refunds a payment confirmed after the contract ended to the client’s wallet: nothing lands in an ended contract’s escrow', async () => {
    const setup = await fixedContract(40_000)
    const { session } = await startStripePayment(setup)
    const ended = await endContract(
      { id: setup.client.id, name: 'Clara', role: 'client' },
      (await findContract(setup.contractId))!,
      'We changed plans.',
    )
    expect(ended.ok).toBe(true)
    expect((await deliver(stripeEvent('checkout.session.completed', paid(session)))).body.outcome).toBe('wallet')
    expect(await escrow(setup.contractId)).toBe(0)
    expect(await clientWallet(setup.client.id)).toBe(40_000)
    expect((await findMilestone(setup.contractId, setup.milestoneId))?.status).toBe('pending')
    expect(await checkLedgerInvariants()).toEqual(healthy)
  })

  it('records an expired checkout or a declined card and moves no money', async () => {
    const setup = await fixedContract()
    const { payment, session } = await startStripePayment(setup)
    const intent = {
      id: 'pi_test_1',
      object: 'payment_intent',
      metadata: { payment_id: payment.id },
      last_payment_error: { message: 'Your card was declined.' },
    }
    expect((await deliver(stripeEvent('payment_intent.payment_failed', intent))).body.outcome).toBe('declined')
    expect(await findCardPayment(payment.id)).toMatchObject({
      status: 'pending',
      failureReason: 'Your card was declined.',
    })
    expect(
      (await deliver(stripeEvent('checkout.session.expired', { ...session, status: 'expired' }))).body.outcome,
    ).toBe('failed')
    expect(await findCardPayment(payment.id)).toMatchObject({ status: 'failed' })
    // A completion after expiry (it cannot happen at Stripe; a forged order of events) moves nothing.
    expect((await deliver(stripeEvent('checkout.session.completed', paid(session)))).body.outcome).toBe('already_paid')
    expect(await escrow(setup.contractId)).toBe(0)
    expect((await findMilestone(setup.contractId, setup.milestoneId))?.status).toBe('pending')
  })

  it('acknowledges events it does not act on and events for sessions it does not know', async () => {
    expect(await deliver(stripeEvent('customer.created', { id: 'cus_1', object: 'customer' }))).toEqual({
      status: 200,
      body: { received: true, outcome: 'ignored' },
    })
    const stranger = {
      id: 'cs_test_unknown',
      object: 'checkout.session',
      status: 'complete',
      payment_status: 'paid',
      amount_total: 100,
      currency: 'usd',
      metadata: {},
    }
    expect((await deliver(stripeEvent('checkout.session.completed', stranger))).body.outcome).toBe('ignored')
  })

  it('answers 404 when Stripe is not configured', async () => {
    configureStripe(false)
    expect((await deliver(stripeEvent('checkout.session.completed', {}), 't=1,v1=abc')).status).toBe(404)
  })
})

describe('coming back from Stripe Checkout', () => {
  const status = async (setup: Setup, paymentId: string, query = '?stripe=return') => {
    const response = await run(checkoutLoader, getRequest(`/checkout/${paymentId}${query}`, setup.cookie), {
      paymentId,
    })
    expect(response.status).toBe(200)
    return response.json()
  }

  it('waits for Stripe while the payment is not confirmed, and shows it received once it is', async () => {
    const setup = await fixedContract(50_000)
    const { payment, session } = await startStripePayment(setup)
    sessions.set(String(session.id), { ...session, status: 'complete', payment_status: 'unpaid' })
    expect(await status(setup, payment.id)).toMatchObject({ kind: 'stripe', state: 'waiting', payUrl: null })
    expect(await escrow(setup.contractId)).toBe(0)

    await deliver(stripeEvent('checkout.session.completed', paid(session)))
    expect(await status(setup, payment.id)).toMatchObject({ kind: 'stripe', state: 'paid', funded: true })
  })

  it('asks Stripe itself when the payer is back before the webhook; the later webhook moves nothing more', async () => {
    const setup = await fixedContract(50_000)
    const { payment, session } = await startStripePayment(setup)
    sessions.set(String(session.id), paid(session))
    expect(await status(setup, payment.id)).toMatchObject({ state: 'paid', funded: true })
    expect(await escrow(setup.contractId)).toBe(50_000)
    expect((await deliver(stripeEvent('checkout.session.completed', paid(session)))).body.outcome).toBe('already_paid')
    expect(await escrow(setup.contractId)).toBe(50_000)
  })

  it('sends a payment Stripe confirms only after the contract ended to the client’s wallet', async () => {
    const setup = await fixedContract(25_000)
    const { payment, session } = await startStripePayment(setup)
    await endContract(
      { id: setup.client.id, name: 'Clara', role: 'client' },
      (await findContract(setup.contractId))!,
      'We changed plans.',
    )
    sessions.set(String(session.id), paid(session))
    expect(await status(setup, payment.id)).toMatchObject({ state: 'paid', funded: false })
    expect(await escrow(setup.contractId)).toBe(0)
    expect(await clientWallet(setup.client.id)).toBe(25_000)
  })

  it('offers Stripe’s page again after a cancel, and nothing is charged', async () => {
    const setup = await fixedContract()
    const { payment, session } = await startStripePayment(setup)
    expect(await status(setup, payment.id, '?stripe=cancelled')).toMatchObject({
      state: 'waiting',
      cancelled: true,
      payUrl: session.url,
    })
  })

  it('shows another client 404', async () => {
    const setup = await fixedContract()
    const { payment } = await startStripePayment(setup)
    const stranger = await createTestUser('client')
    const response = await run(
      checkoutLoader,
      getRequest(`/checkout/${payment.id}`, await signedInCookie(stranger.id)),
      { paymentId: payment.id },
    )
    expect(response.status).toBe(404)
  })
})

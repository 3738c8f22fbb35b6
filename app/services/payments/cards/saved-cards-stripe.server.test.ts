import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { findSavedCard } from '~/models/invoice-charges.server'
import { balanceOf } from '~/models/ledger.server'
import { logTime, reviewInvoice, sendWeeklyInvoice } from '~/services/marketplace/hourly.server'
import { createHourlyTestContract } from '~/test/hourly-contract'
import { finishStripeCardSetup, startStripeCardSetup } from './saved-cards.server'
import { resetStripeClient } from './stripe.server'
import { server } from '~/test/msw-server'
import { STRIPE_API, stripeError, stripePost, type StripeCall } from '~/test/stripe-api'
import { expectBalancedLedger } from '~/test/ledger-checks'
import { cardPaymentsForInvoice } from '~/test/card-payments'
import { siteOrigin } from '~/utils/env.server'
import { action as cardAction } from '~/routes/_portal.settings.billing.card'
import { run } from '~/test/requests'
import { createTestUser, signedInCookie } from '~/test/users'

// The real stripe SDK against intercepted https://api.stripe.com; the key is set before any module reads the environment.
vi.hoisted(() => {
  process.env.STRIPE_SECRET_KEY = 'sk_test_hourly123'
})
resetStripeClient()

const NOW = new Date('2026-11-25T12:00:00Z')

/** A client who saved a card through Stripe Checkout (setup mode), and a $100 invoice waiting for them. */
async function clientWithStripeCard(seen: StripeCall[]) {
  const parties = await createHourlyTestContract()
  const { client } = parties
  server.use(
    stripePost(seen, 'customers', () => ({ id: 'cus_Hourly1', object: 'customer' })),
    stripePost(seen, 'checkout/sessions', () => ({
      id: 'cs_setup_1',
      object: 'checkout.session',
      url: 'https://checkout.stripe.com/c/setup/cs_setup_1',
    })),
    http.get(`${STRIPE_API}/checkout/sessions/cs_setup_1`, () =>
      HttpResponse.json({
        id: 'cs_setup_1',
        object: 'checkout.session',
        mode: 'setup',
        status: 'complete',
        customer: 'cus_Hourly1',
        metadata: { user_id: client.id, purpose: 'card_on_file' },
        setup_intent: {
          id: 'seti_1',
          object: 'setup_intent',
          payment_method: {
            id: 'pm_card_1',
            object: 'payment_method',
            card: { brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2030 },
          },
        },
      }),
    ),
  )
  const started = await startStripeCardSetup(client)
  expect(started).toEqual({ ok: true, redirectTo: 'https://checkout.stripe.com/c/setup/cs_setup_1' })
  expect(await finishStripeCardSetup(client.id, 'cs_setup_1', NOW)).toEqual({ ok: true })
  await logTime(
    parties.contract,
    { workDate: '2026-11-20', duration: '2:30', memo: 'Monitoring' },
    new Date('2026-11-21T12:00:00Z'),
  )
  const invoice = await sendWeeklyInvoice(parties.contract, '2026-11-16', parties.freelancer.id, NOW)
  return { ...parties, invoice: invoice! }
}

describe('a card saved with Stripe', () => {
  it('is saved from a setup-mode Checkout session with only its last four digits', async () => {
    const seen: StripeCall[] = []
    const { client } = await clientWithStripeCard(seen)
    const session = seen.find((call) => call.path === '/v1/checkout/sessions')
    expect(session?.form).toMatchObject({ mode: 'setup', customer: 'cus_Hourly1', 'metadata[user_id]': client.id })
    expect(session?.form.success_url).toBe(
      `${siteOrigin()}/settings/billing/card?stripe=saved&session={CHECKOUT_SESSION_ID}`,
    )
    expect(await findSavedCard(client.id)).toMatchObject({
      provider: 'stripe',
      brand: 'Visa',
      last4: '4242',
      stripeCustomerId: 'cus_Hourly1',
      stripePaymentMethodId: 'pm_card_1',
    })
  })

  it('sends the client back to the site origin, never to a forged Host header', async () => {
    const seen: StripeCall[] = []
    const client = await createTestUser('client')
    server.use(
      stripePost(seen, 'customers', () => ({ id: 'cus_Forged1', object: 'customer' })),
      stripePost(seen, 'checkout/sessions', () => ({
        id: 'cs_setup_2',
        object: 'checkout.session',
        url: 'https://checkout.stripe.com/c/setup/cs_setup_2',
      })),
    )
    // As the server builds the request from a forged Host header: the URL carries that host.
    const response = await run(
      cardAction,
      new Request('http://attacker.example/settings/billing/card', {
        method: 'POST',
        headers: {
          cookie: await signedInCookie(client.id),
          host: 'attacker.example',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ intent: 'stripe' }),
      }),
    )
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('https://checkout.stripe.com/c/setup/cs_setup_2')
    const session = seen.find((call) => call.path === '/v1/checkout/sessions')
    const port = process.env.PORT ?? 3000
    expect(session?.form.success_url).toBe(
      `http://localhost:${port}/settings/billing/card?stripe=saved&session={CHECKOUT_SESSION_ID}`,
    )
    expect(session?.form.cancel_url).toMatch(new RegExp(`^http://localhost:${port}/settings/billing/card`))
  })

  it('pays an approved invoice with an off-session PaymentIntent, keyed per attempt', async () => {
    const seen: StripeCall[] = []
    const { client, freelancer, contract, invoice } = await clientWithStripeCard(seen)
    server.use(
      stripePost(seen, 'payment_intents', () => ({ id: 'pi_hourly_1', object: 'payment_intent', status: 'succeeded' })),
    )
    const outcome = await reviewInvoice(contract, invoice.id, client.id, { kind: 'approve' }, NOW)
    expect(outcome).toMatchObject({ ok: true, charge: { kind: 'paid', source: 'card', grossMinor: 100_00 } })
    const charge = seen.find((call) => call.path === '/v1/payment_intents')
    expect(charge?.form).toMatchObject({
      amount: '10000',
      currency: 'usd',
      customer: 'cus_Hourly1',
      payment_method: 'pm_card_1',
      off_session: 'true',
      confirm: 'true',
    })
    expect(charge?.idempotencyKey).toBe(`invoice:${invoice.id}:attempt:0`)
    expect(cardPaymentsForInvoice(invoice.id)).toMatchObject([
      { provider: 'stripe', providerRef: 'pi_hourly_1', status: 'succeeded' },
    ])
    expect(await balanceOf({ kind: 'wallet', ownerId: freelancer.id, currency: 'USD' })).toBe(90_00)
    await expectBalancedLedger()
  })

  it('leaves the invoice "payment failed" and charges nothing when Stripe declines the card', async () => {
    const seen: StripeCall[] = []
    const { client, freelancer, contract, invoice } = await clientWithStripeCard(seen)
    server.use(
      stripePost(
        seen,
        'payment_intents',
        () =>
          stripeError('card_error', 'Your card has insufficient funds.', {
            code: 'card_declined',
            decline_code: 'insufficient_funds',
          }),
        402,
      ),
    )
    const outcome = await reviewInvoice(contract, invoice.id, client.id, { kind: 'approve' }, NOW)
    expect(outcome).toMatchObject({
      ok: true,
      charge: { kind: 'declined', message: 'Your card has insufficient funds.' },
    })
    expect(await balanceOf({ kind: 'wallet', ownerId: freelancer.id, currency: 'USD' })).toBe(0)
    expect(cardPaymentsForInvoice(invoice.id)).toMatchObject([{ status: 'failed' }])
  })
})

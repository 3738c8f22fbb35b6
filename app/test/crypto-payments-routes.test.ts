import { describe, expect, it, vi } from 'vitest'

import { findMilestone } from '~/models/contracts.server'
import {
  findCryptoPaymentRequest,
  listCryptoPaymentRequestsForAdmin,
  listCryptoReceiptsOf,
} from '~/models/crypto-payments.server'
import { balanceOf } from '~/models/ledger.server'
import {
  action as startAction,
  loader as startLoader,
} from '~/routes/_portal.contracts_.$contractId.milestones.$milestoneId.crypto'
import { action as adminAction, loader as adminLoader } from '~/routes/_portal.admin.crypto-payments'
import { loader as paymentLoader } from '~/routes/_portal.crypto-payments.$requestId'
import { action as webhookAction } from '~/routes/webhooks.crypto'
import { CRYPTO_SIGNATURE_HEADER, signCryptoWebhook } from '~/services/payments/crypto/crypto-webhook.server'
import { insertFixedContract } from './escrow-fixtures'
import { createFixedContract } from './fixed-contract'
import { formRequest, getRequest, run } from './requests'
import { createTestUser, signedInCookie } from './users'

const SECRET = vi.hoisted(() => {
  const secret = 'crypto-webhook-test-secret-0123456789abcdef'
  process.env.CRYPTO_WEBHOOK_SECRET = secret
  return secret
})

async function startedPayment(choice = 'BTC:bitcoin') {
  const setup = await createFixedContract()
  const cookie = await signedInCookie(setup.client.id)
  const params = { contractId: setup.contract.id, milestoneId: setup.milestone.id }
  const response = await run(
    startAction,
    formRequest(`/contracts/${setup.contract.id}/milestones/${setup.milestone.id}/crypto`, { choice }, cookie),
    params,
  )
  expect(response.status).toBe(302)
  const requestId = response.headers.get('location')?.split('/').pop() ?? ''
  const request = (await findCryptoPaymentRequest(requestId))!
  return { ...setup, cookie, request }
}

/** A form posted by an admin on /admin/crypto-payments. */
function adminPost(fields: Record<string, string>, cookie: string) {
  return run(adminAction, formRequest('/admin/crypto-payments', fields, cookie))
}

function webhook(body: unknown, signature?: string) {
  const raw = JSON.stringify(body)
  return new Request('http://localhost/webhooks/crypto', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [CRYPTO_SIGNATURE_HEADER]: signature ?? signCryptoWebhook(raw, SECRET),
    },
    body: raw,
  })
}

describe('starting a crypto payment from the contract', () => {
  it('creates a request at the shipped snapshot rate and sends the payer to it', async () => {
    const { request, client } = await startedPayment('USDT:ethereum')
    expect(request).toMatchObject({
      userId: client.id,
      asset: 'USDT',
      network: 'ethereum',
      fiatAmountMinor: 50_000,
      sandbox: true,
      status: 'pending',
    })
    expect(BigInt(request.cryptoAmount)).toBeGreaterThan(400_000_000n) // about 500 USDT at 6 decimals
    expect(request.uri).toMatch(
      /^ethereum:0xdAC17F958D2ee523a2206206994597C13D831ec7@1\/transfer\?address=0x000000000000000000000000000000000000dEaD&uint256=\d+$/,
    )
  })

  it('refuses an unknown coin with 400, the freelancer with 403, and strangers with 404', async () => {
    const setup = await createFixedContract()
    const params = { contractId: setup.contract.id, milestoneId: setup.milestone.id }
    const path = `/contracts/${setup.contract.id}/milestones/${setup.milestone.id}/crypto`
    const bad = await run(
      startAction,
      formRequest(path, { choice: 'DOGE:dogecoin' }, await signedInCookie(setup.client.id)),
      params,
    )
    expect(bad.status).toBe(400)
    expect(
      (
        await run(
          startAction,
          formRequest(path, { choice: 'BTC:bitcoin' }, await signedInCookie(setup.freelancer.id)),
          params,
        )
      ).status,
    ).toBe(403)
    const stranger = await createTestUser('client')
    expect((await run(startLoader, getRequest(path, await signedInCookie(stranger.id)), params)).status).toBe(404)
  })
})

describe('a milestone larger than one crypto payment can carry', () => {
  it('is refused on the form with 409, naming the amount in the coin and the limit, and no request is made', async () => {
    const client = await createTestUser('client')
    const freelancer = await createTestUser('freelancer')
    // The largest amount a form takes in a three-decimal currency: about 2.7 trillion dollars (25 million BTC at the snapshot's rate).
    const { contract, milestoneIds } = await insertFixedContract({
      clientId: client.id,
      freelancerId: freelancer.id,
      currency: 'BHD',
      amounts: [999_999_999_999_999],
    })
    const milestoneId = milestoneIds[0]!
    const response = await run(
      startAction,
      formRequest(
        `/contracts/${contract.id}/milestones/${milestoneId}/crypto`,
        { choice: 'BTC:bitcoin' },
        await signedInCookie(client.id),
      ),
      { contractId: contract.id, milestoneId },
    )
    expect(response.status).toBe(409)
    const { error } = (await response.json()) as { error: Record<string, string[]> }
    expect(error['']).toEqual([
      expect.stringMatching(
        /^BHD.999,999,999,999\.999 comes to [\d,.]+ BTC, more than one Bitcoin payment can carry \(at most 21,000,000 BTC\)\. Pay by card, or split the milestone into smaller ones\.$/,
      ),
    ])
    expect(await listCryptoPaymentRequestsForAdmin()).not.toContainEqual(
      expect.objectContaining({ contractId: contract.id }),
    )
  })
})

describe('the payer’s crypto payment page', () => {
  it('shows the payer the amount, address, link and QR code, and is not found for anyone else', async () => {
    const { request, cookie } = await startedPayment()
    const response = await run(paymentLoader, getRequest(`/crypto-payments/${request.id}`, cookie), {
      requestId: request.id,
    })
    expect(response.status).toBe(200)
    const view = await response.json()
    expect(view).toMatchObject({
      status: 'pending',
      sandbox: true,
      address: '1BitcoinEaterAddressDontSendf59kuE',
      uri: request.uri,
    })
    expect(view.qrSvg).toContain('<svg')
    // $500 in BTC at the snapshot rate: well under one bitcoin, so the rate is read as BTC per dollar.
    expect(BigInt(request.cryptoAmount)).toBeGreaterThan(10_000n)
    expect(BigInt(request.cryptoAmount)).toBeLessThan(100_000_000n)
    const other = await createTestUser('client')
    const admin = await createTestUser('admin')
    for (const user of [other, admin]) {
      expect(
        (
          await run(paymentLoader, getRequest(`/crypto-payments/${request.id}`, await signedInCookie(user.id)), {
            requestId: request.id,
          })
        ).status,
      ).toBe(404)
    }
  })
})

describe('POST /webhooks/crypto', () => {
  it('refuses a missing or wrong signature with 401 and moves nothing', async () => {
    const { request, contract } = await startedPayment()
    const body = { requestId: request.id, txHash: 'ab'.repeat(32), amount: request.cryptoAmount, asset: 'BTC' }
    expect(
      (
        await run(
          webhookAction,
          webhook(body, signCryptoWebhook(JSON.stringify(body), 'another-secret-of-enough-length-000')),
        )
      ).status,
    ).toBe(401)
    expect((await run(webhookAction, webhook(body, ''))).status).toBe(401)
    // A valid signature over a different body does not carry over.
    const tampered = new Request('http://localhost/webhooks/crypto', {
      method: 'POST',
      headers: { [CRYPTO_SIGNATURE_HEADER]: signCryptoWebhook(JSON.stringify(body), SECRET) },
      body: JSON.stringify({ ...body, amount: '1' }),
    })
    expect((await run(webhookAction, tampered)).status).toBe(401)
    expect((await findCryptoPaymentRequest(request.id))?.status).toBe('pending')
    expect(await balanceOf({ kind: 'escrow', ownerId: contract.id, currency: 'USD' })).toBe(0)
  })

  it('funds the milestone on a signed call and moves money once when it is replayed', async () => {
    const { request, contract, milestone } = await startedPayment()
    const body = { requestId: request.id, txHash: 'cd'.repeat(32), amount: request.cryptoAmount, asset: 'BTC' }
    const first = await run(webhookAction, webhook(body))
    expect(first.status).toBe(200)
    expect(await first.json()).toEqual({ ok: true, status: 'confirmed', fundedMilestone: true })
    const replay = await run(webhookAction, webhook(body, `sha256=${signCryptoWebhook(JSON.stringify(body), SECRET)}`))
    expect(replay.status).toBe(200)
    expect(await replay.json()).toEqual({ ok: true, status: 'confirmed', replay: true })
    expect((await findMilestone(contract.id, milestone.id))?.status).toBe('funded')
    expect(await balanceOf({ kind: 'escrow', ownerId: contract.id, currency: 'USD' })).toBe(50_000)
  })

  it('answers 400 for a malformed body, 404 for an unknown request', async () => {
    expect(
      (await run(webhookAction, webhook({ requestId: 'x', txHash: 'y', amount: '1.5', asset: 'BTC' }))).status,
    ).toBe(400)
    expect(
      (await run(webhookAction, webhook({ requestId: 'missing', txHash: 'y', amount: '15', asset: 'BTC' }))).status,
    ).toBe(404)
  })

  it('answers 409 for a payment after expiry and keeps it for a refund', async () => {
    const { request } = await startedPayment()
    vi.useFakeTimers({ now: request.expiresAt.getTime() + 1000, toFake: ['Date'] })
    try {
      const response = await run(
        webhookAction,
        webhook({ requestId: request.id, txHash: 'ef'.repeat(32), amount: request.cryptoAmount, asset: 'BTC' }),
      )
      expect(response.status).toBe(409)
      expect(await response.json()).toMatchObject({ ok: false, reason: 'expired' })
    } finally {
      vi.useRealTimers()
    }
    expect((await listCryptoReceiptsOf(request.id)).map((receipt) => receipt.reason)).toEqual(['expired'])
  })
})

describe('/admin/crypto-payments', () => {
  it('lets an admin confirm a sandbox payment, which funds the milestone, and is for admins only', async () => {
    const { request, contract, milestone, cookie } = await startedPayment()
    const admin = await createTestUser('admin')
    const adminCookie = await signedInCookie(admin.id, { secondFactorAt: new Date() })
    expect((await run(adminLoader, getRequest('/admin/crypto-payments', cookie))).status).toBe(403)
    const list = await (await run(adminLoader, getRequest('/admin/crypto-payments', adminCookie))).json()
    expect(list.requests.find((row: { id: string }) => row.id === request.id)).toMatchObject({
      status: 'pending',
      sandbox: true,
    })

    const empty = await adminPost({ intent: 'confirm', requestId: request.id, txHash: '' }, adminCookie)
    expect(empty.status).toBe(400)
    const confirmed = await adminPost(
      { intent: 'confirm', requestId: request.id, txHash: 'sandbox-tx-0001' },
      adminCookie,
    )
    expect(confirmed.status).toBe(302)
    expect((await findMilestone(contract.id, milestone.id))?.status).toBe('funded')
    expect(await findCryptoPaymentRequest(request.id)).toMatchObject({
      status: 'confirmed',
      confirmedVia: 'admin',
      confirmedBy: admin.id,
    })
    // Confirming twice moves nothing more.
    expect(
      (await adminPost({ intent: 'confirm', requestId: request.id, txHash: 'sandbox-tx-0001' }, adminCookie)).status,
    ).toBe(302)
    expect(await balanceOf({ kind: 'escrow', ownerId: contract.id, currency: 'USD' })).toBe(50_000)
  })

  it('answers 409 when an admin confirms an expired request, and lists the payment to refund', async () => {
    const { request } = await startedPayment()
    // Thirty minutes later, with a fresh admin session (sessions have their own idle timeout).
    vi.useFakeTimers({ now: request.expiresAt.getTime() + 60_000, toFake: ['Date'] })
    try {
      const admin = await createTestUser('admin')
      const adminCookie = await signedInCookie(admin.id, { secondFactorAt: new Date() })
      const response = await adminPost(
        { intent: 'confirm', requestId: request.id, txHash: 'sandbox-late-01' },
        adminCookie,
      )
      expect(response.status).toBe(409)
      const list = await (await run(adminLoader, getRequest('/admin/crypto-payments', adminCookie))).json()
      expect(list.requests.find((row: { id: string }) => row.id === request.id)?.status).toBe('expired')
      const receipt = list.receipts.find((row: { txHash: string }) => row.txHash === 'sandbox-late-01')
      expect(receipt).toMatchObject({ reason: 'Arrived after the request expired' })
      const refunded = await adminPost(
        { intent: 'refund', receiptId: receipt.id, reference: 'refund-tx-01' },
        adminCookie,
      )
      expect(refunded.status).toBe(302)
    } finally {
      vi.useRealTimers()
    }
  })
})

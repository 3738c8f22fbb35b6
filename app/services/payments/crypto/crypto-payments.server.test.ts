import { describe, expect, it } from 'vitest'
import { findMilestone } from '~/models/contracts.server'
import {
  findCryptoPaymentRequest,
  findOpenCryptoPaymentRequest,
  listCryptoReceiptsOf,
  type CryptoPaymentRequest,
} from '~/models/crypto-payments.server'
import { balanceOf, PLATFORM_OWNER } from '~/models/ledger.server'
import { listNotifications } from '~/models/notifications.server'
import { endContract, performMilestoneAction } from '~/services/marketplace/contracts.server'
import { createFixedContract } from '~/test/fixed-contract'
import { parseEnv } from '~/utils/env.server'
import {
  confirmCryptoPayment,
  cryptoPaymentView,
  effectiveStatus,
  startCryptoPayment,
  type RateLookup,
} from './crypto-payments.server'
import { receivingAddress, SANDBOX_RECEIVE_ADDRESSES, sandboxNetworks } from './crypto-receiving.server'
import { findPayment, payMilestoneByCard } from '../ledger/escrow.server'
import { expectBalancedLedger } from '~/test/ledger-checks'

const NOW = new Date('2026-12-01T12:00:00Z')
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000)

/** A rate service that always answers `rate` units of the coin per 1 unit of fiat. */
const fixedRate =
  (rate: string): RateLookup =>
  async (base, quote, now) => ({ base, quote, rate, asOf: now ?? NOW, source: 'test snapshot' })
const noRate: RateLookup = async () => {
  throw new Error('offline')
}

const fixedContract = createFixedContract
type Setup = Awaited<ReturnType<typeof fixedContract>>

async function startBtc(setup: Setup, rate = '0.00001', now = NOW) {
  const outcome = await startCryptoPayment(
    {
      payerId: setup.client.id,
      contract: setup.contract,
      milestone: setup.milestone,
      asset: 'BTC',
      network: 'bitcoin',
      now,
    },
    fixedRate(rate),
  )
  if (!outcome.ok) throw new Error(outcome.message)
  return outcome.request
}

/** What the chain watcher's webhook reports: the request's exact amount in BTC, in transaction `tx` (repeated to 64 hex). */
const paidInFull = (request: CryptoPaymentRequest, tx: string) => ({
  requestId: request.id,
  txHash: tx.repeat(32),
  amount: request.cryptoAmount,
  asset: 'BTC',
  via: 'webhook' as const,
})

const escrow = (contractId: string) => balanceOf({ kind: 'escrow', ownerId: contractId, currency: 'USD' })
const wallet = (userId: string) => balanceOf({ kind: 'wallet', ownerId: userId, currency: 'USD' })
const milestoneStatus = async (setup: Setup) => (await findMilestone(setup.contract.id, setup.milestone.id))?.status

describe('starting a crypto payment', () => {
  it('locks the amount at the current rate for 30 minutes, with the sandbox address, a BIP21 link and a QR code', async () => {
    const setup = await fixedContract(50_000)
    const request = await startBtc(setup, '0.0000105')
    // $500.00 at 0.0000105 BTC per dollar is 0.00525 BTC = 525 000 satoshi.
    expect(request).toMatchObject({
      fiatAmountMinor: 50_000,
      fiatCurrency: 'USD',
      asset: 'BTC',
      network: 'bitcoin',
      cryptoAmount: '525000',
      cryptoDecimals: 8,
      rate: '0.0000105',
      rateSource: 'test snapshot',
      receiveAddress: SANDBOX_RECEIVE_ADDRESSES.bitcoin,
      sandbox: true,
      status: 'pending',
    })
    expect(request.expiresAt.getTime() - NOW.getTime()).toBe(30 * 60_000)
    expect(request.uri).toBe(
      `bitcoin:${SANDBOX_RECEIVE_ADDRESSES.bitcoin}?amount=0.00525&label=MegiLance&message=Milestone%20%E2%80%9CDesign%E2%80%9D`,
    )
    const view = await cryptoPaymentView(request, NOW)
    expect(view).toMatchObject({
      status: 'pending',
      amountText: '0.00525 BTC',
      fiatAmountMinor: 50_000,
      fiatCurrency: 'USD',
      sandbox: true,
      milestoneTitle: 'Design',
    })
    expect(view.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/)
  })

  it('keeps 18-decimal token amounts exact as text beyond 2^53', async () => {
    const setup = await fixedContract(50_000)
    const outcome = await startCryptoPayment(
      {
        payerId: setup.client.id,
        contract: setup.contract,
        milestone: setup.milestone,
        asset: 'USDT',
        network: 'bsc',
        now: NOW,
      },
      fixedRate('0.9998'),
    )
    if (!outcome.ok) throw new Error(outcome.message)
    expect(outcome.request.cryptoAmount).toBe('499900000000000000000')
    expect(outcome.request.cryptoDecimals).toBe(18)
    expect(outcome.request.uri).toBe(
      `ethereum:0x55d398326f99059fF775485246999027B3197955@56/transfer?address=${SANDBOX_RECEIVE_ADDRESSES.bsc}&uint256=499900000000000000000`,
    )
  })

  it('reuses the open request when the same form is sent twice, and starts a new one after expiry', async () => {
    const setup = await fixedContract()
    const first = await startBtc(setup)
    const again = await startCryptoPayment(
      {
        payerId: setup.client.id,
        contract: setup.contract,
        milestone: setup.milestone,
        asset: 'BTC',
        network: 'bitcoin',
        now: minutes(5),
      },
      fixedRate('0.00002'),
    )
    expect(again).toMatchObject({ ok: true, reused: true, request: { id: first.id, cryptoAmount: first.cryptoAmount } })
    const later = await startBtc(setup, '0.00002', minutes(31))
    expect(later.id).not.toBe(first.id)
    expect(later.cryptoAmount).toBe('1000000')
  })

  it('says so when no rate is available, and refuses a milestone that is not waiting for funds', async () => {
    const setup = await fixedContract()
    const offline = await startCryptoPayment(
      {
        payerId: setup.client.id,
        contract: setup.contract,
        milestone: setup.milestone,
        asset: 'ETH',
        network: 'ethereum',
        now: NOW,
      },
      noRate,
    )
    expect(offline).toMatchObject({
      ok: false,
      reason: 'unavailable',
      message: expect.stringMatching(/No USD→ETH exchange rate/),
    })
    const notClient = await startCryptoPayment(
      {
        payerId: setup.freelancer.id,
        contract: setup.contract,
        milestone: setup.milestone,
        asset: 'BTC',
        network: 'bitcoin',
        now: NOW,
      },
      fixedRate('0.00001'),
    )
    expect(notClient).toMatchObject({ ok: false, reason: 'conflict' })
    const funded = { ...setup.milestone, status: 'funded' as const }
    const outcome = await startCryptoPayment(
      {
        payerId: setup.client.id,
        contract: setup.contract,
        milestone: funded,
        asset: 'BTC',
        network: 'bitcoin',
        now: NOW,
      },
      fixedRate('0.00001'),
    )
    expect(outcome).toMatchObject({ ok: false, reason: 'conflict' })
  })

  it('refuses an amount past what one payment on the network can carry (21,000,000 BTC), naming both, and keeps no request', async () => {
    // The largest milestone a form takes, with bitcoin at $10,000: 99,999,999.999999 BTC.
    const setup = await fixedContract(99_999_999_999_999)
    const outcome = await startCryptoPayment(
      {
        payerId: setup.client.id,
        contract: setup.contract,
        milestone: setup.milestone,
        asset: 'BTC',
        network: 'bitcoin',
        now: NOW,
      },
      fixedRate('0.0001'),
    )
    expect(outcome).toEqual({
      ok: false,
      reason: 'conflict',
      message:
        '$999,999,999,999.99 comes to 99,999,999.999999 BTC, more than one Bitcoin payment can carry (at most 21,000,000 BTC). Pay by card, or split the milestone into smaller ones.',
    })
    expect(
      await findOpenCryptoPaymentRequest({
        userId: setup.client.id,
        milestoneId: setup.milestone.id,
        asset: 'BTC',
        network: 'bitcoin',
        now: NOW,
      }),
    ).toBeUndefined()

    // Exactly 21,000,000 BTC is still asked for.
    const atLimit = await fixedContract(210_000_000_000_00)
    const request = await startBtc(atLimit, '0.0001')
    expect(request.cryptoAmount).toBe('2100000000000000')
  })
})

describe('receiving addresses', () => {
  it('uses a configured address, validated and checksummed at start, and the sandbox otherwise', () => {
    const env = parseEnv({
      CRYPTO_RECEIVE_ADDRESS_ETHEREUM: '0xd8da6bf26964af9d7eed9e03e53415d37aa96045',
      CRYPTO_RECEIVE_ADDRESS_BITCOIN: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
    })
    expect(receivingAddress('ethereum', env)).toEqual({
      address: '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045',
      sandbox: false,
    })
    expect(receivingAddress('bitcoin', env)).toEqual({
      address: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
      sandbox: false,
    })
    expect(receivingAddress('solana', env)).toEqual({ address: SANDBOX_RECEIVE_ADDRESSES.solana, sandbox: true })
    expect(sandboxNetworks(env)).toEqual(['bsc', 'polygon', 'solana'])
  })

  it('refuses to start with a mistyped address and names the variable', () => {
    expect(() => parseEnv({ CRYPTO_RECEIVE_ADDRESS_BITCOIN: '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb' })).toThrow(
      /CRYPTO_RECEIVE_ADDRESS_BITCOIN: This Bitcoin address has a typo/,
    )
    expect(() => parseEnv({ CRYPTO_RECEIVE_ADDRESS_POLYGON: '0xD8dA6BF26964aF9D7eEd9e03E53415D37aA96045' })).toThrow(
      /CRYPTO_RECEIVE_ADDRESS_POLYGON: .*checksum/,
    )
    expect(() =>
      parseEnv({ CRYPTO_RECEIVE_ADDRESS_SOLANA: 'tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7' }),
    ).toThrow(/CRYPTO_RECEIVE_ADDRESS_SOLANA/)
  })

  it('ships sandbox addresses that are well formed on their network and known burn addresses (refused as anyone’s own)', async () => {
    const { validateCryptoAddress } = await import('../../../domain/crypto-addresses')
    for (const [network, address] of Object.entries(SANDBOX_RECEIVE_ADDRESSES)) {
      // The burn check runs only on an address its network's validation accepted.
      expect(validateCryptoAddress(network as keyof typeof SANDBOX_RECEIVE_ADDRESSES, address)).toEqual({
        ok: false,
        message: expect.stringMatching(/^This is a burn address/),
      })
    }
  })
})

describe('confirming a crypto payment', () => {
  it('funds the milestone once: the request, the ledger and the milestone change together', async () => {
    const setup = await fixedContract()
    const request = await startBtc(setup)
    const outcome = await confirmCryptoPayment(paidInFull(request, 'a1'), minutes(10))
    expect(outcome.kind).toBe('funded')
    expect(await milestoneStatus(setup)).toBe('funded')
    expect(await escrow(setup.contract.id)).toBe(50_000)
    expect(await balanceOf({ kind: 'clearing_crypto', ownerId: PLATFORM_OWNER, currency: 'USD' })).toBeLessThanOrEqual(
      -50_000,
    )
    const stored = await findCryptoPaymentRequest(request.id)
    expect(stored).toMatchObject({
      status: 'confirmed',
      txHash: 'a1'.repeat(32),
      confirmedVia: 'webhook',
      fundedMilestone: true,
    })
    expect(stored?.ledgerTransactionId).toBeTruthy()
    expect(effectiveStatus(stored!, minutes(60))).toBe('confirmed')
  })

  it('moves money once when the webhook is replayed or an admin confirms the same transaction again', async () => {
    const setup = await fixedContract()
    const request = await startBtc(setup)
    const input = paidInFull(request, 'b2')
    const results = await Promise.all(Array.from({ length: 5 }, () => confirmCryptoPayment(input, minutes(3))))
    expect(results.filter((result) => result.kind === 'funded')).toHaveLength(1)
    expect(results.filter((result) => result.kind === 'already_confirmed')).toHaveLength(4)
    expect(
      (await confirmCryptoPayment({ requestId: request.id, txHash: 'b2'.repeat(32), via: 'admin' }, minutes(4))).kind,
    ).toBe('already_confirmed')
    expect(await escrow(setup.contract.id)).toBe(50_000)
    await expectBalancedLedger()
    // Each side is told once, not once per replay.
    const titles = async (userId: string) =>
      (await listNotifications(userId, { limit: 10, offset: 0 })).map((n) => n.title)
    expect(await titles(setup.client.id)).toEqual(['Your BTC payment arrived'])
    expect(await titles(setup.freelancer.id)).toEqual(['“Design” is funded: you can start'])
  })

  it('refuses an expired request and records the late payment for a refund, once', async () => {
    const setup = await fixedContract()
    const request = await startBtc(setup)
    const late = paidInFull(request, 'c3')
    const outcome = await confirmCryptoPayment(late, minutes(30))
    expect(outcome).toMatchObject({
      kind: 'recorded_for_refund',
      reason: 'expired',
      message: expect.stringMatching(/expired .*recorded for an admin to send back/),
    })
    expect((await confirmCryptoPayment(late, minutes(31))).kind).toBe('recorded_for_refund')
    expect(
      (await confirmCryptoPayment({ requestId: request.id, txHash: 'admin-ref', via: 'admin' }, minutes(32))).kind,
    ).toBe('recorded_for_refund')
    expect((await findCryptoPaymentRequest(request.id))?.status).toBe('expired')
    expect(await milestoneStatus(setup)).toBe('pending')
    expect(await escrow(setup.contract.id)).toBe(0)
    const receipts = await listCryptoReceiptsOf(request.id)
    expect(receipts.map((receipt) => [receipt.txHash, receipt.reason, receipt.amount])).toEqual([
      ['c3'.repeat(32), 'expired', '500000'],
      ['admin-ref', 'expired', '500000'],
    ])
  })

  it('records a short payment or another coin for a refund without funding anything', async () => {
    const setup = await fixedContract()
    const request = await startBtc(setup)
    const short = await confirmCryptoPayment(
      { requestId: request.id, txHash: 'd4'.repeat(32), amount: '499999', asset: 'BTC', via: 'webhook' },
      minutes(1),
    )
    expect(short).toMatchObject({
      kind: 'recorded_for_refund',
      reason: 'underpaid',
      message: expect.stringContaining('0.00499999 BTC arrived, less than the 0.005 BTC asked for'),
    })
    const otherCoin = await confirmCryptoPayment(
      { requestId: request.id, txHash: 'e5'.repeat(32), amount: request.cryptoAmount, asset: 'eth', via: 'webhook' },
      minutes(2),
    )
    expect(otherCoin).toMatchObject({ kind: 'recorded_for_refund', reason: 'wrong_asset' })
    expect(await milestoneStatus(setup)).toBe('pending')
    // The request is still open: the right payment still funds it.
    expect(
      (
        await confirmCryptoPayment(
          { requestId: request.id, txHash: 'f6'.repeat(32), amount: '500001', asset: 'BTC', via: 'webhook' },
          minutes(3),
        )
      ).kind,
    ).toBe('funded')
    const reasons = (await listCryptoReceiptsOf(request.id)).map((receipt) => [receipt.reason, receipt.amount])
    expect(reasons).toEqual([
      ['underpaid', '499999'],
      ['wrong_asset', '500000'],
      ['overpaid', '1'],
    ])
  })

  it('records a second, different payment of a paid request for a refund', async () => {
    const setup = await fixedContract()
    const request = await startBtc(setup)
    await confirmCryptoPayment({ requestId: request.id, txHash: 'g7'.repeat(32), via: 'admin' }, minutes(1))
    const second = await confirmCryptoPayment(paidInFull(request, 'h8'), minutes(2))
    expect(second).toMatchObject({ kind: 'recorded_for_refund', reason: 'already_confirmed' })
    expect(await escrow(setup.contract.id)).toBe(50_000)
    // A transaction that paid one request cannot confirm another.
    const other = await fixedContract()
    const otherRequest = await startBtc(other)
    expect(
      (
        await confirmCryptoPayment(
          {
            requestId: otherRequest.id,
            txHash: 'g7'.repeat(32),
            via: 'webhook',
            amount: otherRequest.cryptoAmount,
            asset: 'BTC',
          },
          minutes(3),
        )
      ).kind,
    ).toBe('transaction_used')
  })

  it('puts the money in the payer’s wallet when the milestone was funded by card meanwhile', async () => {
    const setup = await fixedContract()
    const request = await startBtc(setup)
    const start = await performMilestoneAction(setup.client, setup.contract, 'client', setup.milestone.id, 'fund', {
      method: 'card',
    })
    const payment = await findPayment(start.ok && start.redirectTo ? start.redirectTo.split('/').pop()! : '')
    await payMilestoneByCard(
      payment!,
      setup.contract,
      { number: '4242 4242 4242 4242', expiry: '12/30', cvc: '123' },
      'Clara',
    )
    const outcome = await confirmCryptoPayment(paidInFull(request, 'i9'), minutes(5))
    expect(outcome.kind).toBe('to_wallet')
    expect(await escrow(setup.contract.id)).toBe(50_000)
    expect(await wallet(setup.client.id)).toBe(50_000)
    expect((await findCryptoPaymentRequest(request.id))?.fundedMilestone).toBe(false)
    await expectBalancedLedger()
  })

  it('puts a payment that arrives after the contract ended in the payer’s wallet: never in an ended contract’s escrow', async () => {
    const setup = await fixedContract(30_000)
    const request = await startBtc(setup)
    expect((await endContract(setup.client, setup.contract, 'We changed plans.', minutes(2))).ok).toBe(true)
    const outcome = await confirmCryptoPayment(paidInFull(request, 'j0'), minutes(5))
    expect(outcome.kind).toBe('to_wallet')
    expect(await milestoneStatus(setup)).toBe('pending')
    expect(await escrow(setup.contract.id)).toBe(0)
    expect(await wallet(setup.client.id)).toBe(30_000)
    expect((await findCryptoPaymentRequest(request.id))?.fundedMilestone).toBe(false)
    const [note] = await listNotifications(setup.client.id, { limit: 1, offset: 0 })
    expect(note?.body).toBe('The contract had ended before your payment arrived, so $300 went to your wallet balance.')
    await expectBalancedLedger()
  })

  it('answers not found for an unknown request', async () => {
    expect(await confirmCryptoPayment({ requestId: 'nope', txHash: 'x', via: 'webhook' })).toEqual({
      kind: 'not_found',
    })
  })
})

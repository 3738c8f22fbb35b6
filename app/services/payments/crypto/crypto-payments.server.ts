/**
 * Funding a milestone with crypto: a request locks the amount at today's rate for 30 minutes and
 * says where to send it; a provider webhook (or, in the sandbox, an admin) confirms it, which funds
 * the milestone exactly like a card payment. A payment that cannot fund anything (late, short,
 * another coin, a second payment) is recorded for an admin to refund: never lost, never double-counted.
 */
import QRCode from 'qrcode'
import {
  findContract,
  findMilestone,
  isContractActiveSync,
  listDisputedMilestoneIds,
  type Contract,
  type Milestone,
} from '~/models/contracts.server'
import {
  findCryptoPaymentRequest,
  findCryptoPaymentRequestByTxHash,
  findOpenCryptoPaymentRequest,
  insertCryptoPaymentRequest,
  linkCryptoPaymentToLedger,
  markCryptoPaymentConfirmed,
  markCryptoPaymentExpired,
  recordCryptoReceipt,
  type CryptoPaymentRequest,
} from '~/models/crypto-payments.server'
import { CRYPTO_PAYMENT_MACHINE } from '~/domain/crypto-payment-machine'
import { fromStates, toState } from '~/domain/state-machine'
import { getDb } from '~/models/db.server'
import type { CryptoPaymentStatus, CryptoReceiptReason } from '~/domain/enums'
import { writeLedgerTransaction } from '~/models/ledger.server'
import { checkMilestoneAction } from '~/services/marketplace/milestone-rules'
import { tellFreelancerMilestoneFunded } from '~/services/marketplace/milestone-notices.server'
import { takeMilestoneAction } from '~/services/marketplace/milestone-changes.server'
import { notify } from '~/services/notifications/notify.server'
import { currencyDigits, formatDateTime, formatMoney } from '~/utils/format'
import { convertMinor } from '../../../utils/money-conversion'
import {
  assetContract,
  assetDecimals,
  assetOnNetworkLabel,
  networkLabel,
  type CryptoAsset,
  type CryptoNetwork,
} from '../../../domain/crypto-networks'
import { cryptoFundingPosting, cryptoToWalletPosting } from '../ledger/crypto-postings'
import { receivingAddress } from './crypto-receiving.server'
import { sandboxMoney } from '../cards/sandbox-money.server'
import { paymentUri, unitsToDecimal } from './crypto-uris'
import { MINUTE_MS } from '~/domain/durations'

export const RATE_LOCK_MINUTES = 30

/**
 * The documented limit of a crypto payment request: no more than one transfer on its network can
 * carry, in smallest units. Bitcoin's consensus limit (MAX_MONEY, 21,000,000 BTC), Solana's unsigned
 * 64-bit amounts, and the uint256 of EVM transfers (the 78 digits the crypto webhook accepts). A
 * request for more could never be paid, so it is refused when made.
 */
const MAX_TRANSFER_UNITS: Record<CryptoNetwork, bigint> = {
  bitcoin: 21_000_000n * 10n ** 8n,
  solana: 2n ** 64n - 1n,
  ethereum: 2n ** 256n - 1n,
  bsc: 2n ** 256n - 1n,
  polygon: 2n ** 256n - 1n,
}

/** The exchange-rate service's answer (rates.server.ts): `rate` is units of quote per 1 base. */
type RateQuote = { base: string; quote: string; rate: string; asOf: Date; source: string }
export type RateLookup = (base: string, quote: string, now?: Date) => Promise<RateQuote>

export type StartOutcome =
  | { ok: true; request: CryptoPaymentRequest; reused: boolean }
  | { ok: false; reason: 'conflict' | 'unavailable'; message: string }

/** The request's status as the payer should see it: a pending request past its lock is expired. */
export function effectiveStatus(
  request: Pick<CryptoPaymentRequest, 'status' | 'expiresAt'>,
  now: Date,
): CryptoPaymentStatus {
  const lapsed = fromStates(CRYPTO_PAYMENT_MACHINE, 'expire').includes(request.status) && now >= request.expiresAt
  return lapsed ? toState(CRYPTO_PAYMENT_MACHINE, 'expire') : request.status
}

/** Starts (or, for a repeated form, reuses) a payment request for a pending milestone. */
export async function startCryptoPayment(
  input: {
    payerId: string
    contract: Contract
    milestone: Milestone
    asset: CryptoAsset
    network: CryptoNetwork
    now?: Date
  },
  lookupRate: RateLookup,
): Promise<StartOutcome> {
  const { contract, milestone, asset, network } = input
  const now = input.now ?? new Date()
  if (input.payerId !== contract.clientId)
    return { ok: false, reason: 'conflict', message: 'Only the client pays for milestones.' }
  const disputed = await listDisputedMilestoneIds(contract.id)
  const check = checkMilestoneAction('fund', milestone.status, 'client', {
    contractActive: contract.status === 'active',
    disputeOpen: disputed.has(milestone.id),
  })
  if (!check.ok) return { ok: false, reason: 'conflict', message: check.message }
  const { address, sandbox } = receivingAddress(network)
  const sandboxRule = sandboxMoney()
  if (sandbox && !sandboxRule.available)
    return {
      ok: false,
      reason: 'conflict',
      message: `${networkLabel(network)} cannot take payments here: ${sandboxRule.reason}`,
    }
  const open = await findOpenCryptoPaymentRequest({
    userId: input.payerId,
    milestoneId: milestone.id,
    asset,
    network,
    now,
  })
  if (open) return { ok: true, request: open, reused: true }

  let quote: RateQuote
  try {
    quote = await lookupRate(contract.currency, asset, now)
  } catch {
    return {
      ok: false,
      reason: 'unavailable',
      message: `No ${contract.currency}→${asset} exchange rate is available right now. Try again in a few minutes, or pay by card.`,
    }
  }
  const decimals = assetDecimals(asset, network)
  const units = convertMinor(BigInt(milestone.amountMinor), currencyDigits(contract.currency), decimals, quote.rate)
  if (units <= 0n) return { ok: false, reason: 'conflict', message: 'This amount is too small to pay in crypto.' }
  const most = MAX_TRANSFER_UNITS[network]
  if (units > most)
    return {
      ok: false,
      reason: 'conflict',
      message: `${formatMoney(milestone.amountMinor, contract.currency)} comes to ${coinAmount(units, decimals)} ${asset}, more than one ${networkLabel(network)} payment can carry (at most ${coinAmount(most, decimals)} ${asset}). Pay by card, or split the milestone into smaller ones.`,
    }
  const uri = paymentUri({
    asset,
    network,
    address,
    units,
    label: 'MegiLance',
    message: `Milestone “${milestone.title}”`,
  })
  const request = await insertCryptoPaymentRequest({
    userId: input.payerId,
    contractId: contract.id,
    milestoneId: milestone.id,
    fiatAmountMinor: milestone.amountMinor,
    fiatCurrency: contract.currency,
    asset,
    network,
    cryptoAmount: units.toString(),
    cryptoDecimals: decimals,
    rate: quote.rate,
    rateSource: quote.source,
    rateAsOf: quote.asOf,
    receiveAddress: address,
    sandbox,
    uri,
    expiresAt: new Date(now.getTime() + RATE_LOCK_MINUTES * MINUTE_MS),
    createdAt: now,
  })
  return { ok: true, request, reused: false }
}

/** "21,000,000" or "30,674,846.625": a coin amount with its whole part grouped for reading. */
function coinAmount(units: bigint, decimals: number): string {
  const [whole = '', fraction] = unitsToDecimal(units, decimals).split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return fraction === undefined ? grouped : `${grouped}.${fraction}`
}

export type ConfirmInput = {
  requestId: string
  /** The on-chain transaction hash, or the reference an admin typed in the sandbox. */
  txHash: string
  /** What arrived, in smallest units as decimal text, and which coin; an admin confirms the amount asked. */
  amount?: string
  asset?: string
  via: 'webhook' | 'admin'
  actor?: { id: string; name: string }
}

export type ConfirmOutcome =
  | { kind: 'funded'; request: CryptoPaymentRequest }
  | { kind: 'to_wallet'; request: CryptoPaymentRequest }
  | { kind: 'already_confirmed'; request: CryptoPaymentRequest }
  | { kind: 'recorded_for_refund'; reason: CryptoReceiptReason; message: string }
  | { kind: 'transaction_used'; message: string }
  | { kind: 'not_found' }

const REFUND_NOTE = 'The payment is recorded for an admin to send back.'

/**
 * Confirms a payment once. The request, the ledger posting and the milestone change in one SQLite
 * transaction; a replay of the same transaction moves nothing; an expired, short or wrong-coin
 * payment funds nothing and is kept for a refund.
 */
export async function confirmCryptoPayment(input: ConfirmInput, now = new Date()): Promise<ConfirmOutcome> {
  const request = await findCryptoPaymentRequest(input.requestId)
  if (!request) return { kind: 'not_found' }
  const txHash = input.txHash.trim()
  const asset = (input.asset ?? request.asset).toUpperCase()
  const amount = input.amount ?? request.cryptoAmount
  const refuse = async (reason: CryptoReceiptReason, message: string): Promise<ConfirmOutcome> => {
    await recordCryptoReceipt({ requestId: request.id, txHash, asset, amount, reason, source: input.via, at: now })
    return { kind: 'recorded_for_refund', reason, message: `${message} ${REFUND_NOTE}` }
  }

  if (request.status === 'confirmed') {
    if (request.txHash === txHash) return { kind: 'already_confirmed', request }
    return refuse('already_confirmed', 'This payment request was already paid by another transaction.')
  }
  const usedBy = await findCryptoPaymentRequestByTxHash(txHash)
  if (usedBy)
    return { kind: 'transaction_used', message: 'This transaction already confirmed another payment request.' }
  if (effectiveStatus(request, now) === 'expired') {
    await markCryptoPaymentExpired(request.id, now)
    return refuse(
      'expired',
      `This payment request expired at ${formatDateTime(request.expiresAt)}, so its rate no longer holds.`,
    )
  }
  if (asset !== request.asset) return refuse('wrong_asset', `This request asks for ${request.asset}, not ${asset}.`)
  const received = BigInt(amount)
  const expected = BigInt(request.cryptoAmount)
  const coin = (units: bigint) => `${unitsToDecimal(units, request.cryptoDecimals)} ${request.asset}`
  if (received < expected)
    return refuse('underpaid', `${coin(received)} arrived, less than the ${coin(expected)} asked for.`)

  const contract = await findContract(request.contractId)
  const milestone = contract ? await findMilestone(contract.id, request.milestoneId) : undefined
  if (!contract || !milestone) return { kind: 'not_found' }
  const money = formatMoney(request.fiatAmountMinor, request.fiatCurrency)
  const db = getDb()
  let contractEnded = false
  const outcome = db.transaction((): 'funded' | 'to_wallet' | 'lost_race' => {
    if (!markCryptoPaymentConfirmed({ id: request.id, txHash, via: input.via, by: input.actor?.id ?? null, at: now }))
      return 'lost_race'
    let ledgerId = ''
    const funded = takeMilestoneAction('fund_by_payment', {
      milestone,
      set: { fundedAt: now },
      moved: {
        actorId: request.userId,
        detail: `“${milestone.title}” was funded with ${money} paid in ${coin(expected)}${input.via === 'admin' ? ' (confirmed by an admin)' : ''}; it is held in escrow.`,
      },
      at: now,
      alongside: () => {
        ledgerId = writeLedgerTransaction(cryptoFundingPosting({ contract, milestone }, request, now)).transactionId
      },
      // A late payment never lands in the escrow of an ended contract: it goes to the wallet below.
      whileContractActive: true,
    })
    if (funded) {
      linkCryptoPaymentToLedger(request.id, ledgerId, true)
      return 'funded'
    }
    contractEnded = !isContractActiveSync(contract.id)
    const why = contractEnded ? 'which arrived after the contract ended' : 'which was already funded'
    const deposit = writeLedgerTransaction(
      cryptoToWalletPosting(
        request,
        `${request.asset} payment for “${milestone.title}”, ${why}, added to your balance`,
        now,
      ),
    )
    linkCryptoPaymentToLedger(request.id, deposit.transactionId, false)
    return 'to_wallet'
  })
  if (outcome === 'lost_race') return confirmCryptoPayment(input, now)
  if (received > expected)
    await recordCryptoReceipt({
      requestId: request.id,
      txHash,
      asset,
      amount: (received - expected).toString(),
      reason: 'overpaid',
      source: input.via,
      at: now,
    })
  const confirmed = (await findCryptoPaymentRequest(request.id)) as CryptoPaymentRequest
  await notify({
    userId: request.userId,
    kind: 'milestone_update',
    title: `Your ${request.asset} payment arrived`,
    body:
      outcome === 'funded'
        ? `${money} is held in escrow for “${milestone.title}”.`
        : contractEnded
          ? `The contract had ended before your payment arrived, so ${money} went to your wallet balance.`
          : `“${milestone.title}” was already funded, so ${money} went to your wallet balance.`,
    link: `/crypto-payments/${request.id}`,
  })
  if (outcome === 'funded') {
    await tellFreelancerMilestoneFunded(contract, milestone)
  }
  return { kind: outcome, request: confirmed }
}

export type CryptoPaymentView = Awaited<ReturnType<typeof cryptoPaymentView>>

/** What the payer's page shows: amounts, address, link, QR code and where the request stands. */
export async function cryptoPaymentView(request: CryptoPaymentRequest, now = new Date()) {
  const contract = await findContract(request.contractId)
  const milestone = contract ? await findMilestone(contract.id, request.milestoneId) : undefined
  const units = BigInt(request.cryptoAmount)
  const amountDecimal = unitsToDecimal(units, request.cryptoDecimals)
  const qrSvg = await QRCode.toString(request.uri, { type: 'svg', margin: 2, width: 240, errorCorrectionLevel: 'M' })
  return {
    id: request.id,
    status: effectiveStatus(request, now),
    sandbox: request.sandbox,
    asset: request.asset,
    network: request.network,
    choiceLabel: assetOnNetworkLabel(request.asset, request.network),
    tokenContract: assetContract(request.asset, request.network) ?? null,
    amountDecimal,
    amountText: `${amountDecimal} ${request.asset}`,
    fiatAmountMinor: request.fiatAmountMinor,
    fiatCurrency: request.fiatCurrency,
    rateText: `1 ${request.fiatCurrency} = ${request.rate} ${request.asset}`,
    rateSource: request.rateSource,
    rateAsOf: request.rateAsOf.toISOString(),
    expiresAt: request.expiresAt.toISOString(),
    address: request.receiveAddress,
    uri: request.uri,
    qrSvg,
    confirmedAt: request.confirmedAt?.toISOString() ?? null,
    txHash: request.txHash,
    fundedMilestone: request.fundedMilestone,
    contract: { id: request.contractId, title: contract?.title ?? 'Contract' },
    milestoneId: request.milestoneId,
    milestoneTitle: milestone?.title ?? 'Milestone',
  }
}

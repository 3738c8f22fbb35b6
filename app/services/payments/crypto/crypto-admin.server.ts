import {
  findCryptoPaymentRequest,
  listCryptoPaymentRequestsForAdmin,
  listCryptoReceiptsToRefund,
  markCryptoReceiptRefunded,
} from '~/models/crypto-payments.server'
import {
  assetDecimals,
  assetOnNetworkLabel,
  CRYPTO_ASSETS,
  isCryptoAsset,
  type CryptoNetwork,
} from '../../../domain/crypto-networks'
import { confirmCryptoPayment, effectiveStatus, type ConfirmOutcome } from './crypto-payments.server'
import { sandboxNetworks } from './crypto-receiving.server'
import { sandboxMoney } from '../cards/sandbox-money.server'
import { unitsToDecimal } from './crypto-uris'

const RECEIPT_REASONS = {
  expired: 'Arrived after the request expired',
  underpaid: 'Less than the amount asked',
  overpaid: 'More than the amount asked (the excess)',
  wrong_asset: 'Another coin than the one asked',
  already_confirmed: 'A second payment of a paid request',
} as const

/** The admin list: every request with where it stands, and the payments waiting to be sent back. */
export async function cryptoAdminOverview(now = new Date()) {
  const [rows, receipts] = await Promise.all([listCryptoPaymentRequestsForAdmin(), listCryptoReceiptsToRefund()])
  const sandbox = sandboxMoney()
  return {
    sandboxNetworks: sandboxNetworks(),
    /** Why sandbox requests can be neither made nor confirmed here, or null while they can. */
    sandboxOff: sandbox.available ? null : sandbox.operatorReason,
    requests: rows.map(({ request, payerName, contractTitle, milestoneTitle }) => ({
      id: request.id,
      payerName,
      contractId: request.contractId,
      contractTitle,
      milestoneTitle,
      fiatAmountMinor: request.fiatAmountMinor,
      fiatCurrency: request.fiatCurrency,
      amountText: `${unitsToDecimal(BigInt(request.cryptoAmount), request.cryptoDecimals)} ${request.asset}`,
      choiceLabel: assetOnNetworkLabel(request.asset, request.network),
      status: effectiveStatus(request, now),
      sandbox: request.sandbox,
      createdAt: request.createdAt.toISOString(),
      expiresAt: request.expiresAt.toISOString(),
      txHash: request.txHash,
      confirmedVia: request.confirmedVia,
    })),
    receipts: receipts.map(({ receipt, payerName, network }) => ({
      id: receipt.id,
      requestId: receipt.requestId,
      payerName,
      txHash: receipt.txHash,
      amountText: isCryptoAsset(receipt.asset)
        ? `${unitsToDecimal(BigInt(receipt.amount), decimalsOf(receipt.asset, network))} ${receipt.asset}`
        : `${receipt.amount} smallest units of ${receipt.asset}`,
      reason: RECEIPT_REASONS[receipt.reason],
      source: receipt.source,
      createdAt: receipt.createdAt.toISOString(),
    })),
  }
}

function decimalsOf(asset: keyof typeof CRYPTO_ASSETS, network: CryptoNetwork): number {
  return CRYPTO_ASSETS[asset].networks.includes(network) ? assetDecimals(asset, network) : CRYPTO_ASSETS[asset].decimals
}

export type AdminConfirmOutcome = ConfirmOutcome | { kind: 'not_sandbox' | 'sandbox_off'; message: string }

/**
 * An admin confirms a sandbox payment by hand; live payments are confirmed by the provider only.
 * Only while sandbox money may move (sandbox-money.server.ts): otherwise a typed reference would
 * put money nobody paid into escrow next to real money.
 */
export async function confirmSandboxCryptoPayment(
  input: { requestId: string; txHash: string; admin: { id: string; name: string } },
  now = new Date(),
): Promise<AdminConfirmOutcome> {
  const request = await findCryptoPaymentRequest(input.requestId)
  if (!request) return { kind: 'not_found' }
  if (!request.sandbox)
    return {
      kind: 'not_sandbox',
      message: 'This request uses a configured receiving address: only the payment provider’s webhook confirms it.',
    }
  const sandbox = sandboxMoney()
  if (!sandbox.available)
    return { kind: 'sandbox_off', message: `${sandbox.operatorReason} This sandbox request cannot be confirmed.` }
  return confirmCryptoPayment({ requestId: request.id, txHash: input.txHash, via: 'admin', actor: input.admin }, now)
}

export async function markCryptoRefunded(
  input: { receiptId: string; reference: string; admin: { id: string } },
  now = new Date(),
): Promise<boolean> {
  return markCryptoReceiptRefunded({
    id: input.receiptId,
    adminId: input.admin.id,
    reference: input.reference,
    at: now,
  })
}

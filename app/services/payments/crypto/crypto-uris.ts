/**
 * Payment links a wallet app understands, so the payer scans a QR code instead of typing an amount:
 * BIP21 for Bitcoin, EIP-681 for Ethereum, BNB Smart Chain and Polygon (native coins and token
 * transfers), Solana Pay for SOL. Pure: amounts are BigInt smallest units, never floats.
 */
import { minorToDecimal } from '../../../utils/money-conversion'
import {
  assetContract,
  assetDecimals,
  EVM_CHAIN_IDS,
  type CryptoAsset,
  type CryptoNetwork,
} from '../../../domain/crypto-networks'

export type PaymentUriInput = {
  asset: CryptoAsset
  network: CryptoNetwork
  /** The receiving address, already validated. */
  address: string
  /** The amount in the asset's smallest unit on that network (satoshi, wei, lamport, token units). */
  units: bigint
  /** Shown by the wallet as who is paid (BIP21 / Solana Pay). */
  label?: string
  message?: string
}

/** Smallest units as a plain decimal without trailing zeros: (125000n, 8) → "0.00125", (100n, 2) → "1". */
export function unitsToDecimal(units: bigint, decimals: number): string {
  if (units < 0n) throw new RangeError('A payment amount cannot be negative.')
  const text = minorToDecimal(units, decimals)
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text
}

function query(params: [string, string | undefined][]): string {
  const parts = params
    .filter((pair): pair is [string, string] => pair[1] !== undefined && pair[1] !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

export function paymentUri(input: PaymentUriInput): string {
  const { asset, network, address, units } = input
  const decimals = assetDecimals(asset, network)
  if (network === 'bitcoin' || network === 'solana') {
    // BIP21 (`bitcoin:`) and a Solana Pay transfer request (`solana:`) read the same: the amount is
    // in the coin itself (BTC, or SOL "user units") as a decimal, never scientific notation.
    return `${network}:${address}${query([
      ['amount', unitsToDecimal(units, decimals)],
      ['label', input.label],
      ['message', input.message],
    ])}`
  }
  const chainId = EVM_CHAIN_IDS[network]
  if (chainId === undefined) throw new RangeError(`No payment link format for ${network}.`)
  const token = assetContract(asset, network)
  if (token) {
    // EIP-681 call of the token contract's transfer(address, uint256).
    return `ethereum:${token}@${chainId}/transfer?address=${address}&uint256=${units.toString()}`
  }
  // EIP-681 native transfer: the value is in wei (the chain's smallest unit).
  return `ethereum:${address}@${chainId}?value=${units.toString()}`
}

import { isCryptoNetwork, networkLabel } from '../../../domain/crypto-networks'

/** How a payout method is named on screen and in a payout's record (no database code: safe in the browser). */
export type DescribableMethod = {
  rail: 'bank' | 'crypto'
  provider: 'stripe' | 'sandbox'
  holderName: string | null
  accountLast4: string | null
  asset: string | null
  network: string | null
  address: string | null
}

function networkName(network: string): string {
  return isCryptoNetwork(network) ? networkLabel(network) : network
}

/** "0xAbCd…1234": enough to recognise, short enough for a table. */
function shortAddress(address: string): string {
  return address.length > 14 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address
}

export function describePayoutMethod(method: DescribableMethod): string {
  if (method.rail === 'crypto')
    return `${method.asset} on ${networkName(method.network ?? '')} to ${shortAddress(method.address ?? '')}`
  const account = method.accountLast4
    ? `bank account ending ${method.accountLast4}`
    : 'bank account (Stripe onboarding)'
  return `${method.holderName ? `${method.holderName}, ` : ''}${account}${method.provider === 'sandbox' ? ' (test account)' : ''}`
}

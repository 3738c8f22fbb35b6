/**
 * The seven crypto assets MegiLance accepts and the networks each travels on. Pure data: the
 * address validator, payment URIs and payout methods all read from here.
 */

export type CryptoNetwork = 'bitcoin' | 'ethereum' | 'bsc' | 'polygon' | 'solana'

export const CRYPTO_NETWORKS = [
  'bitcoin',
  'ethereum',
  'bsc',
  'polygon',
  'solana',
] as const satisfies readonly CryptoNetwork[]

export type CryptoAsset = 'BTC' | 'ETH' | 'USDT' | 'USDC' | 'BNB' | 'SOL' | 'POL'

export type CryptoAssetInfo = {
  name: string
  networks: CryptoNetwork[]
  /** Digits of the smallest unit (satoshi, wei, lamport, token base unit). */
  decimals: number
  /** Token contract per network for tokens; natives have none. */
  contract?: Partial<Record<CryptoNetwork, string>>
  /** Where a token's contract uses other decimals than `decimals` (the BNB Chain pegs use 18). */
  decimalsOn?: Partial<Record<CryptoNetwork, number>>
}

export const CRYPTO_ASSETS: Record<CryptoAsset, CryptoAssetInfo> = {
  BTC: { name: 'Bitcoin', networks: ['bitcoin'], decimals: 8 },
  ETH: { name: 'Ether', networks: ['ethereum'], decimals: 18 },
  USDT: {
    name: 'Tether USD',
    networks: ['ethereum', 'bsc', 'polygon'],
    decimals: 6,
    contract: {
      ethereum: '0xdAC17F958D2ee523a2206206994597C13D831ec7',
      bsc: '0x55d398326f99059fF775485246999027B3197955',
      polygon: '0xc2132D05D31c914a87C6611C10748AEb04B58e8F',
    },
    decimalsOn: { bsc: 18 },
  },
  USDC: {
    name: 'USD Coin',
    networks: ['ethereum', 'bsc', 'polygon'],
    decimals: 6,
    contract: {
      ethereum: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
      bsc: '0x8AC76a51cc950d9822D68b83fE1Ad97B32Cd580d',
      polygon: '0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359',
    },
    decimalsOn: { bsc: 18 },
  },
  BNB: { name: 'BNB', networks: ['bsc'], decimals: 18 },
  SOL: { name: 'Solana', networks: ['solana'], decimals: 9 },
  POL: { name: 'Polygon (ex-MATIC)', networks: ['polygon'], decimals: 18 },
}

export const CRYPTO_ASSET_CODES = Object.keys(CRYPTO_ASSETS) as CryptoAsset[]

const LABELS: Record<CryptoNetwork, string> = {
  bitcoin: 'Bitcoin',
  ethereum: 'Ethereum',
  bsc: 'BNB Smart Chain',
  polygon: 'Polygon PoS',
  solana: 'Solana',
}

export function networkLabel(network: CryptoNetwork): string {
  return LABELS[network]
}

/** EVM chain ids (EIP-155) for the networks that have one. */
export const EVM_CHAIN_IDS: Partial<Record<CryptoNetwork, number>> = { ethereum: 1, bsc: 56, polygon: 137 }

export function isEvmNetwork(network: CryptoNetwork): boolean {
  return EVM_CHAIN_IDS[network] !== undefined
}

export function isCryptoAsset(code: string): code is CryptoAsset {
  return Object.hasOwn(CRYPTO_ASSETS, code)
}

export function isCryptoNetwork(value: string): value is CryptoNetwork {
  return (CRYPTO_NETWORKS as readonly string[]).includes(value)
}

/** Smallest-unit digits of an asset as it exists on a network (token contracts may differ). */
export function assetDecimals(asset: CryptoAsset, network: CryptoNetwork): number {
  const info = CRYPTO_ASSETS[asset]
  return info.decimalsOn?.[network] ?? info.decimals
}

/** The token contract for an asset on a network, or undefined for a native coin. */
export function assetContract(asset: CryptoAsset, network: CryptoNetwork): string | undefined {
  return CRYPTO_ASSETS[asset].contract?.[network]
}

/** "USDT on BNB Smart Chain (BEP-20)", "BTC on Bitcoin". */
export function assetOnNetworkLabel(asset: CryptoAsset, network: CryptoNetwork): string {
  const standard = assetContract(asset, network) ? (network === 'bsc' ? ' (BEP-20)' : ' (ERC-20)') : ''
  return `${asset} on ${networkLabel(network)}${standard}`
}

export type CryptoChoice = {
  value: `${CryptoAsset}:${CryptoNetwork}`
  asset: CryptoAsset
  network: CryptoNetwork
  label: string
}

/** Every coin-on-network a payer can choose, e.g. "USDT:bsc" labelled "USDT on BNB Smart Chain (BEP-20)". */
export const CRYPTO_PAYMENT_CHOICES: readonly CryptoChoice[] = CRYPTO_ASSET_CODES.flatMap((asset) =>
  CRYPTO_ASSETS[asset].networks.map((network) => ({
    value: `${asset}:${network}` as const,
    asset,
    network,
    label: assetOnNetworkLabel(asset, network),
  })),
)

export function parseCryptoChoice(value: string): CryptoChoice | undefined {
  return CRYPTO_PAYMENT_CHOICES.find((choice) => choice.value === value)
}

import { getEnv, type Env } from '~/utils/env.server'
import { CRYPTO_NETWORKS, type CryptoNetwork } from '../../../domain/crypto-networks'

/**
 * Sandbox receiving addresses: well-known burn addresses nobody holds a key for, valid on their
 * network so links and QR codes work, but money sent there is gone, which is why every page that
 * shows one says "Test mode: do not send real funds".
 */
export const SANDBOX_RECEIVE_ADDRESSES: Record<CryptoNetwork, string> = {
  bitcoin: '1BitcoinEaterAddressDontSendf59kuE',
  ethereum: '0x000000000000000000000000000000000000dEaD',
  bsc: '0x000000000000000000000000000000000000dEaD',
  polygon: '0x000000000000000000000000000000000000dEaD',
  solana: '1nc1nerator11111111111111111111111111111111',
}

const ENV_KEYS = {
  bitcoin: 'CRYPTO_RECEIVE_ADDRESS_BITCOIN',
  ethereum: 'CRYPTO_RECEIVE_ADDRESS_ETHEREUM',
  bsc: 'CRYPTO_RECEIVE_ADDRESS_BSC',
  polygon: 'CRYPTO_RECEIVE_ADDRESS_POLYGON',
  solana: 'CRYPTO_RECEIVE_ADDRESS_SOLANA',
} as const satisfies Record<CryptoNetwork, keyof Env>

/** The configured address for a network (validated at start), else the sandbox one. */
export function receivingAddress(network: CryptoNetwork, env: Env = getEnv()): { address: string; sandbox: boolean } {
  const configured = env[ENV_KEYS[network]]
  return configured
    ? { address: configured, sandbox: false }
    : { address: SANDBOX_RECEIVE_ADDRESSES[network], sandbox: true }
}

/** Networks without a configured address, where admins confirm payments by hand. */
export function sandboxNetworks(env: Env = getEnv()): CryptoNetwork[] {
  return CRYPTO_NETWORKS.filter((network) => receivingAddress(network, env).sandbox)
}

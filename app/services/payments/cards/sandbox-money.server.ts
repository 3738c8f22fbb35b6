/**
 * When sandbox money may move. Sandbox money is every path where nothing real changes hands: the
 * built-in test-card processor, crypto networks without a receiving address (and an admin
 * confirming their payments by hand), sandbox bank accounts, and crypto payouts (MegiLance has no
 * real crypto payout provider: they are marked sent with a sandbox reference).
 *
 * The rule: sandbox money moves only when
 *   1. `sandboxPaymentsEnabled()`: not production, or DEMO or SANDBOX_PAYMENTS is set; and
 *   2. no real money provider is configured: no STRIPE_SECRET_KEY and no CRYPTO_RECEIVE_ADDRESS_*.
 * Every path ends in the same wallets and escrow, so one real provider makes the whole
 * installation real: sandbox money released into a wallet could otherwise be paid out for real,
 * and a sandbox payout would take real money out of a wallet and send nothing.
 */
import { getEnv, sandboxPaymentsEnabled, type Env } from '~/utils/env.server'
import {
  CRYPTO_NETWORKS,
  CRYPTO_PAYMENT_CHOICES,
  type CryptoChoice,
  type CryptoNetwork,
} from '../../../domain/crypto-networks'
import { receivingAddress } from '../crypto/crypto-receiving.server'

/**
 * `reason` is for members: what they can and cannot do, never how the site is configured.
 * `operatorReason` is for admins: which setting decides it.
 */
export type SandboxMoney = { available: true } | { available: false; reason: string; operatorReason: string }

/** The real money providers this installation is configured with, named for people. */
function realMoneyProviders(env: Env = getEnv()): string[] {
  const providers: string[] = []
  if (env.STRIPE_SECRET_KEY) providers.push('Stripe')
  if (CRYPTO_NETWORKS.some((network) => !receivingAddress(network, env).sandbox))
    providers.push('crypto receiving addresses')
  return providers
}

/** Whether sandbox money may move here, and if not, the sentences that say why (to members, to admins). */
export function sandboxMoney(env: Env = getEnv()): SandboxMoney {
  const real = realMoneyProviders(env)
  if (real.length) {
    return {
      available: false,
      reason: 'This marketplace moves real money, so test payments are not accepted.',
      operatorReason: `This installation handles real money (${real.join(' and ')}), so sandbox payments are turned off: test money never shares a wallet with real money.`,
    }
  }
  if (!sandboxPaymentsEnabled(env))
    return {
      available: false,
      reason: 'Test payments are turned off, and real payments are not available here yet.',
      operatorReason:
        'Sandbox payments are turned off on this installation, and no real payment provider is set up yet.',
    }
  return { available: true }
}

/** Who takes cards and connects bank accounts: Stripe, the sandbox, or nobody. */
export function stripeOrSandbox(env: Env = getEnv()): 'stripe' | 'sandbox' | null {
  if (env.STRIPE_SECRET_KEY) return 'stripe'
  return sandboxMoney(env).available ? 'sandbox' : null
}

/** Whether payments can be requested on this network: a configured address, or the sandbox allowed. */
function cryptoNetworkUsable(network: CryptoNetwork, env: Env = getEnv()): boolean {
  return !receivingAddress(network, env).sandbox || sandboxMoney(env).available
}

/** The coin-and-network choices a payer is offered: only networks that can take the payment. */
function usableCryptoChoices(env: Env = getEnv()): CryptoChoice[] {
  return CRYPTO_PAYMENT_CHOICES.filter((choice) => cryptoNetworkUsable(choice.network, env))
}

/**
 * What the funding forms offer: the card provider (or none), the usable crypto choices, and the
 * sentence saying why something is not offered (null when everything is).
 */
export function fundingPaths(env: Env = getEnv()) {
  const sandbox = sandboxMoney(env)
  const card = stripeOrSandbox(env)
  const cryptoChoices = usableCryptoChoices(env).map(({ value, label }) => ({ value, label }))
  const missing = [
    card ? null : 'card payments',
    cryptoChoices.length < CRYPTO_PAYMENT_CHOICES.length ? 'crypto on some networks' : null,
  ].filter((path): path is string => path !== null)
  const note =
    sandbox.available || missing.length === 0 ? null : `Not offered here: ${missing.join(' and ')}. ${sandbox.reason}`
  return { card, cryptoChoices, note }
}

/** A payout to this method moves sandbox money: every method but a Stripe-connected bank account. */
export function paysOutInSandbox(method: { rail: 'bank' | 'crypto'; provider: 'stripe' | 'sandbox' }): boolean {
  return !(method.rail === 'bank' && method.provider === 'stripe')
}

/** Whether payouts may go to this method here. */
export function payoutMethodUsable(
  method: { rail: 'bank' | 'crypto'; provider: 'stripe' | 'sandbox' },
  env: Env = getEnv(),
): boolean {
  return !paysOutInSandbox(method) || sandboxMoney(env).available
}

/** Which payout methods can be added here, and the sentence saying why one is not offered. */
export function payoutMethodPaths(env: Env = getEnv()) {
  const sandbox = sandboxMoney(env)
  const bank = stripeOrSandbox(env)
  const missing = bank
    ? 'crypto wallets (crypto payouts work in test mode only; add a bank account instead)'
    : 'crypto wallets and bank accounts (neither can receive payouts here yet)'
  return {
    bank,
    crypto: sandbox.available,
    note: sandbox.available ? null : `Not offered here: ${missing}. ${sandbox.reason}`,
  }
}

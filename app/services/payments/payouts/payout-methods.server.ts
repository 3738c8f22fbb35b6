import {
  findPayoutMethodOf,
  findPendingStripeMethod,
  insertPayoutMethod,
  listPayoutMethodsOf,
  removePayoutMethod,
  updatePayoutMethod,
  type PayoutMethod,
} from '~/models/payouts.server'
import { siteOrigin } from '~/utils/env.server'
import { checkBankAccount } from './bank-account-rules'
import { countryOptions } from '../tax/tax-rates'
import { validateCryptoAddress } from '../../../domain/crypto-addresses'
import { CRYPTO_ASSETS, isCryptoAsset, isCryptoNetwork, networkLabel } from '../../../domain/crypto-networks'
import { describePayoutMethod } from './payout-method-labels'
import { createExpressAccount, createOnboardingLink, readConnectedAccount } from './stripe-connect.server'
import { sandboxMoney } from '../cards/sandbox-money.server'
import { getStripe } from '../cards/stripe.server'
import type { RequestOrigin } from '~/services/security/context'
import { recordSecurityEvent } from '~/services/security/events.server'

const BANK_ONBOARDING_PATH = '/payouts/bank'
const BANK_RETURN_PATH = '/payouts/bank/return'

export async function payoutMethodsOf(userId: string) {
  const methods = await listPayoutMethodsOf(userId)
  return methods.map((method) => ({ ...method, label: describePayoutMethod(method) }))
}

export type MethodOutcome = { ok: true; method: PayoutMethod } | { ok: false; field: string | null; message: string }

/** The refusal, `why` followed by the sandbox's reason, where sandbox money cannot move; null where it can. */
function refusedOutsideSandbox(why: string): MethodOutcome | null {
  const sandbox = sandboxMoney()
  return sandbox.available ? null : { ok: false, field: null, message: `${why}${sandbox.reason}` }
}

/** The sandbox stand-in for Stripe onboarding: a format-checked account of which only the last 4 are kept. */
export async function addSandboxBankMethod(
  userId: string,
  input: { holderName: string; country: string; accountNumber: string },
  origin: RequestOrigin | null = null,
): Promise<MethodOutcome> {
  const refused = refusedOutsideSandbox('Test bank accounts cannot be added: ')
  if (refused) return refused
  if (!countryOptions().some((option) => option.value === input.country))
    return { ok: false, field: 'country', message: 'Choose the bank’s country from the list.' }
  const checked = checkBankAccount(input.accountNumber)
  if (!checked.ok) return { ok: false, field: 'accountNumber', message: checked.message }
  return addSandboxMethod(
    userId,
    'bank',
    { holderName: input.holderName, country: input.country, accountLast4: checked.last4 },
    origin,
  )
}

/**
 * A method the sandbox stands behind, active at once; it pretends every one takes instant payouts,
 * so both speeds can be tried.
 */
async function addSandboxMethod(
  userId: string,
  rail: 'bank' | 'crypto',
  details: Omit<Parameters<typeof insertPayoutMethod>[0], 'userId' | 'rail' | 'status' | 'provider'>,
  origin: RequestOrigin | null,
): Promise<MethodOutcome> {
  const method = await insertPayoutMethod({
    userId,
    rail,
    status: 'active',
    provider: 'sandbox',
    ...details,
    instantAvailable: true,
  })
  await logMethodChange(userId, 'payout_method_added', method, origin)
  return { ok: true, method }
}

/** A payout method added or removed goes into the owner's security log; an added one is emailed to them too. */
async function logMethodChange(
  userId: string,
  kind: 'payout_method_added' | 'payout_method_removed',
  method: PayoutMethod,
  origin: RequestOrigin | null,
) {
  const described = describePayoutMethod(method)
  const detail =
    kind === 'payout_method_added'
      ? `${described}. If it is not yours, remove it under Payouts → Payout methods.`
      : described
  await recordSecurityEvent({ userId, kind, origin, detail })
}

/**
 * A crypto wallet: the asset must travel on the network, and the address must pass that network's
 * checksum. Crypto payouts are sandbox-only (no sending provider), so only where sandbox money moves.
 */
export async function addCryptoMethod(
  userId: string,
  input: { asset: string; network: string; address: string },
  origin: RequestOrigin | null = null,
): Promise<MethodOutcome> {
  const refused = refusedOutsideSandbox('Crypto wallets cannot be added: crypto payouts work in test mode only. ')
  if (refused) return refused
  if (!isCryptoAsset(input.asset)) return { ok: false, field: 'asset', message: 'Choose one of the listed assets.' }
  if (!isCryptoNetwork(input.network))
    return { ok: false, field: 'network', message: 'Choose one of the listed networks.' }
  const info = CRYPTO_ASSETS[input.asset]
  if (!info.networks.includes(input.network)) {
    const on = info.networks.map(networkLabel).join(', ')
    return {
      ok: false,
      field: 'network',
      message: `${input.asset} is not paid out on ${networkLabel(input.network)}; choose ${on}.`,
    }
  }
  const checked = validateCryptoAddress(input.network, input.address)
  if (!checked.ok) return { ok: false, field: 'address', message: checked.message }
  return addSandboxMethod(
    userId,
    'crypto',
    { asset: input.asset, network: input.network, address: checked.address },
    origin,
  )
}

/**
 * Starts adding a bank account. With Stripe: an Express account (reused while onboarding is
 * unfinished) and a redirect to Stripe's hosted onboarding. Without: the sandbox onboarding page.
 */
export async function startBankOnboarding(user: { id: string; email: string }): Promise<{ redirectTo: string }> {
  const stripe = getStripe()
  if (!stripe) return { redirectTo: BANK_ONBOARDING_PATH }
  const pending = await findPendingStripeMethod(user.id)
  const accountId =
    pending?.stripeAccountId ?? (await createExpressAccount(stripe, { email: user.email, userId: user.id }))
  if (!pending)
    await insertPayoutMethod({
      userId: user.id,
      rail: 'bank',
      status: 'pending',
      provider: 'stripe',
      stripeAccountId: accountId,
    })
  // Stripe sends the person back to the site's own origin (APP_URL), never the request's Host header.
  const origin = siteOrigin()
  const url = await createOnboardingLink(stripe, {
    accountId,
    refreshUrl: `${origin}${BANK_ONBOARDING_PATH}`,
    returnUrl: `${origin}${BANK_RETURN_PATH}`,
  })
  return { redirectTo: url }
}

/** Back from Stripe: the account is read from Stripe, and the method is usable once payouts are enabled. */
export async function finishBankOnboarding(
  userId: string,
  origin: RequestOrigin | null = null,
): Promise<{ status: 'active' | 'pending' | 'none' }> {
  const stripe = getStripe()
  const pending = await findPendingStripeMethod(userId)
  if (!stripe || !pending?.stripeAccountId) return { status: 'none' }
  const account = await readConnectedAccount(stripe, pending.stripeAccountId)
  const ready = account.detailsSubmitted && account.payoutsEnabled
  const changes = {
    status: ready ? ('active' as const) : ('pending' as const),
    country: account.country,
    accountLast4: account.last4,
    holderName: account.holderName,
    instantAvailable: account.instantAvailable,
  }
  await updatePayoutMethod(pending.id, changes)
  // Only now can money go to it: the pending method was not usable, so this is when it is "added".
  if (ready) await logMethodChange(userId, 'payout_method_added', { ...pending, ...changes }, origin)
  return { status: ready ? 'active' : 'pending' }
}

export async function removeMethod(
  userId: string,
  methodId: string,
  origin: RequestOrigin | null = null,
): Promise<{ ok: true; label: string } | { ok: false }> {
  const method = await findPayoutMethodOf(userId, methodId)
  if (!method || !(await removePayoutMethod(userId, methodId))) return { ok: false }
  await logMethodChange(userId, 'payout_method_removed', method, origin)
  return { ok: true, label: describePayoutMethod(method) }
}

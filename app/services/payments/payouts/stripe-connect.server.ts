import type Stripe from 'stripe'

/**
 * The Stripe Connect calls payouts need: an Express account per freelancer, its hosted onboarding
 * link, its status on return, and a transfer (plus an instant payout where the bank supports it).
 */

export async function createExpressAccount(stripe: Stripe, input: { email: string; userId: string }): Promise<string> {
  const account = await stripe.accounts.create({
    type: 'express',
    email: input.email,
    capabilities: { transfers: { requested: true } },
    metadata: { megilance_user_id: input.userId },
  })
  return account.id
}

/** A one-time link to Stripe's hosted onboarding; Stripe sends the person back to `returnUrl`. */
export async function createOnboardingLink(
  stripe: Stripe,
  input: { accountId: string; refreshUrl: string; returnUrl: string },
): Promise<string> {
  const link = await stripe.accountLinks.create({
    account: input.accountId,
    refresh_url: input.refreshUrl,
    return_url: input.returnUrl,
    type: 'account_onboarding',
  })
  return link.url
}

export type ConnectedAccountStatus = {
  detailsSubmitted: boolean
  payoutsEnabled: boolean
  instantAvailable: boolean
  country: string | null
  last4: string | null
  holderName: string | null
}

/** What the person finished in onboarding, read from Stripe (never from the return URL). */
export async function readConnectedAccount(stripe: Stripe, accountId: string): Promise<ConnectedAccountStatus> {
  const account = await stripe.accounts.retrieve(accountId)
  const external = account.external_accounts?.data?.[0]
  const bank = external && external.object === 'bank_account' ? external : null
  const methods =
    (external as { available_payout_methods?: string[] | null } | undefined)?.available_payout_methods ?? []
  return {
    detailsSubmitted: Boolean(account.details_submitted),
    payoutsEnabled: Boolean(account.payouts_enabled),
    instantAvailable: methods.includes('instant'),
    country: account.country ?? null,
    last4: external?.last4 ?? null,
    holderName: bank?.account_holder_name ?? account.business_profile?.name ?? null,
  }
}

/**
 * Moves the payout's money to the connected account; for instant payouts it then asks Stripe to pay
 * the balance out to the bank at once. Idempotency keys from the payout id make a retry send once.
 * Once the transfer is made the money has left MegiLance, so a refused instant payout is not a
 * failure: the money reaches the bank on the account's standard schedule, and the note says so.
 */
export async function sendConnectedPayout(
  stripe: Stripe,
  input: { payoutId: string; accountId: string; amountMinor: number; currency: string; instant: boolean },
): Promise<{ reference: string; note: string | null }> {
  const currency = input.currency.toLowerCase()
  const transfer = await stripe.transfers.create(
    {
      amount: input.amountMinor,
      currency,
      destination: input.accountId,
      metadata: { megilance_payout_id: input.payoutId },
    },
    { idempotencyKey: `payout:${input.payoutId}:transfer` },
  )
  if (!input.instant) return { reference: transfer.id, note: null }
  try {
    const payout = await stripe.payouts.create(
      { amount: input.amountMinor, currency, method: 'instant', metadata: { megilance_payout_id: input.payoutId } },
      { idempotencyKey: `payout:${input.payoutId}:instant`, stripeAccount: input.accountId },
    )
    return { reference: `${transfer.id} ${payout.id}`, note: null }
  } catch (error) {
    const why = error instanceof Error ? error.message : 'no reason given'
    return {
      reference: transfer.id,
      note: `Stripe could not pay this out instantly (${why}); it reaches the bank on the standard schedule.`,
    }
  }
}

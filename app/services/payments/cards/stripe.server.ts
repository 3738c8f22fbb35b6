import Stripe from 'stripe'
import { getEnv } from '~/utils/env.server'

let client: Stripe | null | undefined

/** The Stripe SDK when STRIPE_SECRET_KEY is set; null means the built-in sandbox is in use. */
export function getStripe(): Stripe | null {
  if (client === undefined) {
    const key = getEnv().STRIPE_SECRET_KEY
    client = key ? new Stripe(key, { maxNetworkRetries: 1, timeout: 20_000 }) : null
  }
  return client
}

export function isStripeConfigured(): boolean {
  return Boolean(getEnv().STRIPE_SECRET_KEY)
}

/** Tests switch between the sandbox and a Stripe key by changing the environment. */
export function resetStripeClient(): void {
  client = undefined
}

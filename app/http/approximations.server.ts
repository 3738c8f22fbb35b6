import type { Approximator } from '~/services/payments/rates/approximate-amounts'
import { openApproximator } from '~/services/payments/rates/approximations.server'
import { requireSession } from './auth.server'

/**
 * The approximator for a page of the signed-in member's own money, in the currency they chose
 * (Settings → Appearance; read with their session, so no query of its own). `currencies` are those
 * of the figures the page shows.
 */
export async function approximatorFor(request: Request, currencies: Iterable<string>): Promise<Approximator> {
  return openApproximator((await requireSession(request)).displayCurrency, currencies)
}

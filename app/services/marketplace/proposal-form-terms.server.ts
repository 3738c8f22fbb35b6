import type { BudgetType } from '~/domain/enums'
import { platformFeePercent } from '~/services/payments/ledger/escrow.server'
import { feeTaxNoteFor } from '~/services/payments/tax/tax-customer.server'
import { dollarsInMinor } from '~/services/payments/rates/dollar-amounts.server'
import { MILESTONE_MINIMUM_USD } from '~/domain/paid-work'
import { formatMoney } from '~/utils/format'

/**
 * What the proposal form states about the bid, when sending one and when editing it: its type and
 * currency, the fee taken from each payment with the tax in that fee for this client, and the
 * least the bid may be.
 */
export async function proposalFormTerms(bid: { clientId: string; bidType: BudgetType; currency: string }) {
  const minimumMinor = await dollarsInMinor(MILESTONE_MINIMUM_USD, bid.currency)
  const usd = bid.currency === 'USD' ? '' : ` (US$${MILESTONE_MINIMUM_USD} at today’s rate)`
  return {
    bidType: bid.bidType,
    currency: bid.currency,
    feePercent: platformFeePercent(),
    feeTaxNote: feeTaxNoteFor(bid.clientId),
    /** The least a price, a milestone or an hourly rate may be, said on the form. */
    minimumNote: `${bid.bidType === 'fixed' ? 'The price and each milestone are' : 'The rate is'} at least ${formatMoney(minimumMinor, bid.currency)}${usd}.`,
  }
}

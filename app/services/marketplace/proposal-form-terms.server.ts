import type { BudgetType } from '~/domain/enums'
import { platformFeePercent } from '~/services/payments/ledger/escrow.server'
import { feeTaxNoteFor } from '~/services/payments/tax/tax-customer.server'

/**
 * What the proposal form states about the bid, when sending one and when editing it: its type and
 * currency, and the fee taken from each payment with the tax in that fee for this client.
 */
export function proposalFormTerms(bid: { clientId: string; bidType: BudgetType; currency: string }) {
  return {
    bidType: bid.bidType,
    currency: bid.currency,
    feePercent: platformFeePercent(),
    feeTaxNote: feeTaxNoteFor(bid.clientId),
  }
}

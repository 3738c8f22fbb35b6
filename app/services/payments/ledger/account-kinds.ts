import type { LedgerAccountKind } from '~/domain/enums'

/** How each kind of ledger account is named on admin pages. */
export const ACCOUNT_KIND_LABELS: Record<LedgerAccountKind, string> = {
  wallet: 'Wallets',
  escrow: 'Escrow',
  platform_revenue: 'Platform revenue',
  tax_payable: 'Tax payable',
  clearing_card: 'Clearing: card',
  clearing_crypto: 'Clearing: crypto',
  clearing_bank: 'Clearing: bank',
}

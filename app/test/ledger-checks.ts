import { expect } from 'vitest'
import { checkLedgerInvariants } from '~/models/ledger.server'

/** Every transaction balances, no account is negative and every currency sums to zero. */
export async function expectBalancedLedger() {
  expect(await checkLedgerInvariants()).toEqual({
    unbalancedCurrencies: [],
    negativeAccounts: 0,
    unbalancedTransactions: 0,
  })
}

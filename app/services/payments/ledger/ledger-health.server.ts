import {
  countLedgerTransactions,
  latestLedgerTransactions,
  negativeHoldingAccounts,
  totalsByKindAndCurrency,
  unbalancedCurrencySums,
  unbalancedTransactions,
} from '~/models/ledger-health.server'
import { checkLedgerInvariants } from '~/models/ledger.server'
import { ACCOUNT_KIND_LABELS } from './account-kinds'

type InvariantCheck = { id: string; label: string; ok: boolean; broken: number; detail: string }

/** Everything the admin ledger health page shows; the checks come from checkLedgerInvariants. */
export async function loadLedgerHealth() {
  const [invariants, currencySums, badTransactions, negatives, totals, latest, transactionCount] = await Promise.all([
    checkLedgerInvariants(),
    unbalancedCurrencySums(),
    unbalancedTransactions(),
    negativeHoldingAccounts(),
    totalsByKindAndCurrency(),
    latestLedgerTransactions(),
    countLedgerTransactions(),
  ])
  const checks: InvariantCheck[] = [
    {
      id: 'currencies',
      label: 'Entries sum to zero in every currency',
      ok: invariants.unbalancedCurrencies.length === 0,
      broken: invariants.unbalancedCurrencies.length,
      detail: 'Every unit that enters an account left another one.',
    },
    {
      id: 'transactions',
      label: 'Every transaction is balanced',
      ok: invariants.unbalancedTransactions === 0,
      broken: invariants.unbalancedTransactions,
      detail: 'The entries of each money movement sum to zero per currency.',
    },
    {
      id: 'holdings',
      label: 'No wallet or escrow below zero',
      ok: invariants.negativeAccounts === 0,
      broken: invariants.negativeAccounts,
      detail: 'Nobody has spent money they did not have.',
    },
  ]
  return {
    healthy: checks.every((check) => check.ok),
    checks,
    currencySums,
    badTransactions,
    negatives,
    totals: totals.map((total) => ({ ...total, label: ACCOUNT_KIND_LABELS[total.kind] ?? total.kind })),
    latest,
    transactionCount,
  }
}

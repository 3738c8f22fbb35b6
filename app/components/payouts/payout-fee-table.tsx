import { PAYOUT_TABLE } from '~/services/payments/payouts/payout-fees'
import type { PayoutMinimums } from '~/services/payments/payouts/payouts.server'
import { formatMoney } from '~/utils/format'

const fee = (rule: { feePercent: number; minimumFeeMajor: number }) =>
  rule.feePercent === 0 ? 'free' : `${rule.feePercent}% (at least $${rule.minimumFeeMajor})`

/** "€8.62 to a bank and €17.24 to a crypto wallet from your EUR balance": what the dollar minimums are in each balance. */
export function minimumsInBalances(minimums: PayoutMinimums[]): string {
  return minimums
    .map(
      (minimum) =>
        `${formatMoney(minimum.bankMinor, minimum.currency)} to a bank and ${formatMoney(minimum.cryptoMinor, minimum.currency)} to a crypto wallet from your ${minimum.currency} balance`,
    )
    .join('; ')
}

/** "€0.86 from your EUR balance; £0.75 from your GBP balance": one published dollar figure in each balance. */
export function figureInBalances(minimums: PayoutMinimums[], figure: (minimum: PayoutMinimums) => number): string {
  return minimums
    .map((minimum) => `${formatMoney(figure(minimum), minimum.currency)} from your ${minimum.currency} balance`)
    .join('; ')
}

/**
 * The published minimums, fees and arrival times: the same table the server charges by. A list, so
 * it reads at any width. `minimums`: the dollar minimums in the person's other balances, at today's rate.
 */
export function PayoutFeeTable({ minimums }: { minimums: PayoutMinimums[] }) {
  return (
    <>
      <ul className="payout-fees" aria-label="Payout minimums, fees and arrival times">
        {(['bank', 'crypto'] as const).map((rail) => {
          const row = PAYOUT_TABLE[rail]
          return (
            <li key={rail}>
              <strong>{row.label}</strong>: minimum ${row.minimumMajor}
              <ul>
                <li>
                  Standard: {fee(row.standard)}, {row.standard.arrival}
                </li>
                <li>
                  Instant: {fee(row.instant)}, {row.instant.arrival}
                  {rail === 'bank' ? ' where the bank supports it' : ''}
                </li>
              </ul>
            </li>
          )
        })}
      </ul>
      <p className="muted">
        Amounts in US dollars. A balance in another currency uses the same value in that currency at today’s exchange
        rate
        {minimums.length
          ? `: at least ${minimumsInBalances(minimums)}; an instant payout’s fee is at least ${figureInBalances(minimums, (minimum) => minimum.instantFeeMinor)}.`
          : '.'}
      </p>
    </>
  )
}

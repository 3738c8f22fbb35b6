import { PAYOUT_TABLE } from '~/services/payments/payouts/payout-fees'

const fee = (rule: { feePercent: number; minimumFeeMajor: number }) =>
  rule.feePercent === 0 ? 'free' : `${rule.feePercent}% (at least $${rule.minimumFeeMajor})`

/** The published minimums, fees and arrival times: the same table the server charges by. A list, so it reads at any width. */
export function PayoutFeeTable() {
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
        Dollar figures; a wallet in another currency pays their value at the current exchange rate.
      </p>
    </>
  )
}

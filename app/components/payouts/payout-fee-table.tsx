import { PAYOUT_TABLE } from '~/services/payments/payout-rules'

const fee = (rule: { feePercent: number; minimumFeeMajor: number }) =>
  rule.feePercent === 0 ? 'Free' : `${rule.feePercent}%, min $${rule.minimumFeeMajor}`

/** The published minimums, fees and arrival times: the same table the server charges by. */
export function PayoutFeeTable() {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Payout minimums, fees and arrival times</caption>
        <thead>
          <tr>
            <th scope="col">To</th>
            <th scope="col">Minimum</th>
            <th scope="col">Standard</th>
            <th scope="col">Instant</th>
          </tr>
        </thead>
        <tbody>
          {(['bank', 'crypto'] as const).map((rail) => {
            const row = PAYOUT_TABLE[rail]
            return (
              <tr key={rail}>
                <th scope="row">{row.label}</th>
                <td>${row.minimumMajor}</td>
                <td>
                  {fee(row.standard)}, {row.standard.arrival}
                </td>
                <td>
                  {fee(row.instant)}, {row.instant.arrival}
                  {rail === 'bank' ? ' (where the bank supports it)' : ''}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

import { Stat } from '~/components/ui/stat'
import type { Approximate } from '~/services/payments/rates/approximate-amounts'
import { formatMoney } from '~/utils/format'

/** A money figure that may span currencies: one line per currency, "$0" when there is none. */
export function MoneyStat({
  label,
  amounts,
  detail,
  approx,
}: {
  label: string
  amounts: { currency: string; amountMinor: number }[]
  detail?: string
  /** The amounts together in the member's display currency. */
  approx?: Approximate | null
}) {
  const value = amounts.length
    ? amounts.map((amount) => formatMoney(Number(amount.amountMinor), amount.currency)).join(' · ')
    : formatMoney(0, 'USD')
  return <Stat label={label} value={value} detail={detail} approx={approx} />
}

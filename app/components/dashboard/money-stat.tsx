import { Stat } from '~/components/ui/stat'
import { formatMoney } from '~/utils/format'

/** A money figure that may span currencies: one line per currency, "$0" when there is none. */
export function MoneyStat({
  label,
  amounts,
  detail,
}: {
  label: string
  amounts: { currency: string; amountMinor: number }[]
  detail?: string
}) {
  const value = amounts.length
    ? amounts.map((amount) => formatMoney(Number(amount.amountMinor), amount.currency)).join(' · ')
    : formatMoney(0, 'USD')
  return <Stat label={label} value={value} detail={detail} />
}

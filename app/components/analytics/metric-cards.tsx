import { formatChange, type Card } from '~/services/analytics/metrics'
import { formatValue } from '~/utils/chart-data'

/** The period's headline figures, each with its change against the previous period of the same length. */
export function MetricCards({ cards, currency }: { cards: Card[]; currency: string }) {
  const show = (card: Card, value: number | null) =>
    value === null ? '—' : formatValue(value, card.kind === 'money' ? { kind: 'money', currency } : { kind: card.kind })
  return (
    <dl className="stats" aria-label="Figures for the period">
      {cards.map((card) => (
        <div className="stat" key={card.id} data-card={card.id}>
          <dt>{card.label}</dt>
          <dd>
            <span className="stat__value">{show(card, card.value)}</span>
            <span className="stat__detail">
              <span className={card.change === null ? '' : card.change >= 0 ? 'change--up' : 'change--down'}>
                {formatChange(card.change)}
              </span>{' '}
              vs {show(card, card.previous)} before
            </span>
          </dd>
        </div>
      ))}
    </dl>
  )
}

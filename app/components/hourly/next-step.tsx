import { Link } from '@remix-run/react'
import type { HourlyNextStep } from '~/services/marketplace/hourly-next-step'
import { formatDate, formatMoney } from '~/utils/format'

/**
 * The first thing on an hourly contract's page: what this person does next, with one button to
 * the place on "Hours and invoices" where they do it.
 */
export function HourlyNextStepCard({
  step,
  contractId,
  currency,
}: {
  step: NonNullable<HourlyNextStep>
  contractId: string
  currency: string
}) {
  const hours = `/contracts/${contractId}/hours`
  const money = (minor: number) => formatMoney(minor, currency)
  const card = (title: string, text: string, action: { to: string; label: string; primary: boolean }) => (
    <section className="card next-step" aria-labelledby="next-step-heading">
      <h2 id="next-step-heading">{title}</h2>
      <p>{text}</p>
      <Link to={action.to} className={`button ${action.primary ? 'button--primary' : 'button--secondary'}`}>
        {action.label}
      </Link>
    </section>
  )
  switch (step.kind) {
    case 'log-time':
      return card(step.title, step.text, {
        to: `${hours}#${step.action.anchor}`,
        label: step.action.label,
        primary: true,
      })
    case 'watch-hours':
      return card(step.title, step.text, {
        to: `${hours}#limit-heading`,
        label: 'Hours and weekly limit',
        primary: false,
      })
    case 'paused':
      return card('Logging time is paused', step.reason, {
        to: `${hours}#invoices-heading`,
        label: 'See the invoices',
        primary: false,
      })
    case 'review-invoice': {
      const more = step.count > 1 ? ` ${step.count - 1} more after it.` : ''
      return card(
        step.count === 1
          ? 'An invoice is waiting for your approval'
          : `${step.count} invoices are waiting for your approval`,
        `${money(step.amountMinor)} for the week of ${formatDate(step.weekStart)}. Approve or dispute it by ` +
          `${formatDate(step.reviewDueAt)}; after that it counts as approved.${more}`,
        {
          to: `${hours}#invoices-heading`,
          label: step.count === 1 ? 'Review the invoice' : 'Review the invoices',
          primary: true,
        },
      )
    }
    case 'pay-invoice':
      return card(
        'An invoice payment failed',
        `${money(step.amountMinor)} for the week of ${formatDate(step.weekStart)} could not be charged. ` +
          (step.hasCard
            ? 'Pay it again with your saved card, or save another card first if yours was declined.'
            : 'You have no card saved: save a card to pay with, then pay it.'),
        { to: `${hours}#invoices-heading`, label: 'Pay the invoice', primary: true },
      )
  }
}

import { Link } from '@remix-run/react'
import { formatDuration, HOURLY_INVOICING_EVERY_MS, INVOICE_REVIEW_DAYS } from '~/services/marketplace/hourly'
import type { HourlyNextStep, WeeksToInvoice } from '~/services/marketplace/hourly-next-step'
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
    case 'log-time': {
      const logged = step.loggedThisWeek ? `${formatDuration(step.loggedThisWeek)} logged` : 'nothing logged yet'
      const limit = step.limitHours === null ? '' : `; the client allows ${step.limitHours} h`
      const thisWeek = `This week: ${logged}${limit}.`
      const waiting = step.toInvoice
      if (waiting && !step.autoInvoicing)
        return card(
          waiting.weeks === 1 ? 'Next: send your invoice' : `Next: send your ${waiting.weeks} invoices`,
          `${waitingText(waiting, currency)} is not invoiced yet, and invoices are not sent automatically here: ` +
            `send ${waiting.weeks === 1 ? 'it' : 'them'} yourself. The client then has ${INVOICE_REVIEW_DAYS} days to approve ${waiting.weeks === 1 ? 'it' : 'each'}; after that it ` +
            `counts as approved and is paid. ${thisWeek}`,
          {
            to: `${hours}#weeks-to-invoice`,
            label: waiting.weeks === 1 ? 'Send the invoice' : 'Send the invoices',
            primary: true,
          },
        )
      const afterWeek = waiting
        ? ` ${waitingText(waiting, currency)} is not invoiced yet: it goes to the client automatically within ` +
          `${HOURLY_INVOICING_EVERY_MS / 60_000} minutes, or you can send it now.`
        : step.autoInvoicing
          ? ' Log each day’s time; every finished week is invoiced on the Monday after it.'
          : ' Log each day’s time; when a week is over, send its invoice from Hours and invoices (it is not sent automatically here).'
      return card('Next: log your hours', `${thisWeek}${afterWeek}`, {
        to: `${hours}#log-time-heading`,
        label: 'Log time',
        primary: true,
      })
    }
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

/** “4 h 30 min from the week of 30 Nov ($225.00)”, or the sum of several weeks. */
function waitingText(waiting: WeeksToInvoice, currency: string): string {
  const weeks =
    waiting.weeks === 1
      ? `the week of ${formatDate(waiting.firstWeek)}`
      : `${waiting.weeks} weeks since ${formatDate(waiting.firstWeek)}`
  return `${formatDuration(waiting.minutes)} from ${weeks} (${formatMoney(waiting.amountMinor, currency)})`
}

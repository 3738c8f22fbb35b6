import { Form, Link } from '@remix-run/react'
import type { InvoiceStatus } from '~/domain/enums'
import { formatDuration } from '~/services/marketplace/hourly'
import { canTakeInvoiceAction, INVOICE_STATUS_LABELS } from '~/services/marketplace/invoice-rules'
import { formatDate, formatMoney } from '~/utils/format'
import { RequiredMark } from '~/components/ui/field'
import { DataTable } from '~/components/ui/data-table'

export type InvoiceRow = {
  id: string
  weekStart: string
  minutes: number
  amountMinor: number
  status: InvoiceStatus
  reviewDueAt: string
  disputeId: string | null
  payableMinor: number | null
  charge: { from: 'wallet' | 'card'; feeMinor: number; feeTaxMinor: number; netMinor: number } | null
  chargeError: string | null
}

/** The weekly invoices of an hourly contract: the client approves, disputes or pays them here. */
export function InvoiceTable({
  invoices,
  currency,
  canReview,
}: {
  invoices: InvoiceRow[]
  currency: string
  canReview: boolean
}) {
  if (!invoices.length)
    return (
      <p className="muted">No invoices yet. Each finished week with logged time is invoiced on the Monday after it.</p>
    )
  const money = (minor: number) => formatMoney(minor, currency)
  return (
    <DataTable
      caption="Weekly invoices"
      stackOnPhone
      columns={['Week of', 'Time', 'Amount', 'Status', ...(canReview ? ['Your decision'] : [])]}
    >
      {invoices.map((invoice) => (
        <tr key={invoice.id}>
          <td>{formatDate(invoice.weekStart)}</td>
          <td>{formatDuration(invoice.minutes)}</td>
          <td>
            {money(invoice.amountMinor)}
            {invoice.payableMinor !== null && invoice.payableMinor !== invoice.amountMinor ? (
              <span className="cell-detail">Owed after the dispute: {money(invoice.payableMinor)}</span>
            ) : null}
          </td>
          <td>
            {INVOICE_STATUS_LABELS[invoice.status]}
            {invoice.status === 'pending' ? (
              <span className="cell-detail">Counts as approved on {formatDate(invoice.reviewDueAt)}</span>
            ) : null}
            {invoice.charge ? (
              <span className="cell-detail">
                Charged {money(invoice.payableMinor ?? invoice.amountMinor)}{' '}
                {invoice.charge.from === 'card' ? 'to the card' : 'from the wallet'} · fee{' '}
                {money(invoice.charge.feeMinor)}
                {invoice.charge.feeTaxMinor ? ` (incl. ${money(invoice.charge.feeTaxMinor)} tax)` : ''} · freelancer
                gets {money(invoice.charge.netMinor)}
              </span>
            ) : null}
            {invoice.chargeError ? <span className="cell-detail">{invoice.chargeError}</span> : null}
            {invoice.disputeId ? (
              <span className="cell-detail">
                <Link to={`/disputes/${invoice.disputeId}`}>See the dispute</Link>
              </span>
            ) : null}
          </td>
          {canReview ? (
            <td>
              {canTakeInvoiceAction('approve', invoice.status, 'client') ? (
                <ReviewInvoiceForms invoice={invoice} />
              ) : canTakeInvoiceAction('pay_now', invoice.status, 'client') ? (
                <PayNowForm invoice={invoice} />
              ) : (
                <span className="muted">—</span>
              )}
            </td>
          ) : null}
        </tr>
      ))}
    </DataTable>
  )
}

function PayNowForm({ invoice }: { invoice: InvoiceRow }) {
  return (
    <Form method="post" className="form-stack">
      <input type="hidden" name="invoiceId" value={invoice.id} />
      <p className="muted">
        Add money to your <Link to="/wallet">wallet</Link> or save another <Link to="/settings/billing/card">card</Link>
        , then:
      </p>
      <button type="submit" name="intent" value="pay-invoice" className="button button--primary button--wrap">
        Pay now for week of {formatDate(invoice.weekStart)}
      </button>
    </Form>
  )
}

function ReviewInvoiceForms({ invoice }: { invoice: InvoiceRow }) {
  const week = formatDate(invoice.weekStart)
  return (
    <div className="form-stack">
      <Form method="post">
        <input type="hidden" name="invoiceId" value={invoice.id} />
        <button type="submit" name="intent" value="approve-invoice" className="button button--primary button--wrap">
          Approve invoice for week of {week}
        </button>
      </Form>
      <details>
        <summary>Dispute it</summary>
        <Form method="post" className="form-stack">
          <input type="hidden" name="invoiceId" value={invoice.id} />
          <div className="field">
            <label htmlFor={`reason-${invoice.id}`}>
              What is wrong with the invoice for week of {week}?
              <RequiredMark required />
            </label>
            <textarea id={`reason-${invoice.id}`} name="reason" rows={3} required minLength={20} maxLength={2000} />
          </div>
          <button type="submit" name="intent" value="dispute-invoice" className="button button--danger">
            Dispute invoice
          </button>
        </Form>
      </details>
    </div>
  )
}

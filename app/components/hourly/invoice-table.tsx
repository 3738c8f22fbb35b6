import { Form, Link } from '@remix-run/react'
import { formatDuration } from '~/services/marketplace/hourly'
import { formatDate, formatMoney } from '~/utils/format'
import { RequiredMark } from '~/components/ui/field'

export type InvoiceRow = {
  id: string
  weekStart: string
  minutes: number
  amountMinor: number
  status: 'pending' | 'approved' | 'disputed' | 'paid'
  reviewDueAt: string
  disputeId: string | null
}

const STATUS_LABELS: Record<InvoiceRow['status'], string> = {
  pending: 'Waiting for the client',
  approved: 'Approved',
  disputed: 'Disputed',
  paid: 'Paid',
}

/** The weekly invoices of an hourly contract; the client approves or disputes pending ones here. */
export function InvoiceTable({ invoices, currency, canReview }: { invoices: InvoiceRow[]; currency: string; canReview: boolean }) {
  if (!invoices.length) return <p className="muted">No invoices yet. Each finished week with logged time is invoiced on the Monday after it.</p>
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Weekly invoices</caption>
        <thead>
          <tr>
            <th scope="col">Week of</th>
            <th scope="col">Time</th>
            <th scope="col">Amount</th>
            <th scope="col">Status</th>
            {canReview ? <th scope="col">Your decision</th> : null}
          </tr>
        </thead>
        <tbody>
          {invoices.map((invoice) => (
            <tr key={invoice.id}>
              <td>{formatDate(invoice.weekStart)}</td>
              <td>{formatDuration(invoice.minutes)}</td>
              <td>{formatMoney(invoice.amountMinor, currency)}</td>
              <td>
                {STATUS_LABELS[invoice.status]}
                {invoice.status === 'pending' ? (
                  <span className="cell-detail">Counts as approved on {formatDate(invoice.reviewDueAt)}</span>
                ) : null}
                {invoice.disputeId ? (
                  <span className="cell-detail">
                    <Link to={`/disputes/${invoice.disputeId}`}>See the dispute</Link>
                  </span>
                ) : null}
              </td>
              {canReview ? (
                <td>
                  {invoice.status === 'pending' ? <ReviewInvoiceForms invoice={invoice} /> : <span className="muted">—</span>}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function ReviewInvoiceForms({ invoice }: { invoice: InvoiceRow }) {
  const week = formatDate(invoice.weekStart)
  return (
    <div className="form-stack">
      <Form method="post">
        <input type="hidden" name="invoiceId" value={invoice.id} />
        <button type="submit" name="intent" value="approve-invoice" className="button button--primary">
          Approve invoice for week of {week}
        </button>
      </Form>
      <details>
        <summary>Dispute it</summary>
        <Form method="post" className="form-stack">
          <input type="hidden" name="invoiceId" value={invoice.id} />
          <div className="field">
            <label htmlFor={`reason-${invoice.id}`}>What is wrong with the invoice for week of {week}?
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

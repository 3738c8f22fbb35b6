import { getFormProps } from '@conform-to/react'
import type { ReactNode } from 'react'
import { Form, Link, useLocation } from '@remix-run/react'
import type { InvoiceStatus } from '~/domain/enums'
import { formatDuration } from '~/services/marketplace/hourly'
import { canTakeInvoiceAction, INVOICE_STATUS_LABELS } from '~/services/marketplace/invoice-rules'
import { formatDate, formatMoney } from '~/utils/format'
import { TextareaField } from '~/components/ui/field'
import { FormAlert } from '~/components/ui/form-alert'
import { DisputeInvoiceConstraint } from '~/components/ui/form-constraints/dispute-invoice'
import { useZodForm, type FormReply } from '~/components/ui/use-zod-form'
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

/** What the client's approval would be paid with: their wallet first, then the card on file. */
export type InvoicePayment = { walletMinor: number; card: string | null }

/** The weekly invoices of an hourly contract: the client approves, disputes or pays them here. */
export function InvoiceTable({
  invoices,
  currency,
  canReview,
  payment,
  last,
  emptyText,
}: {
  invoices: InvoiceRow[]
  currency: string
  canReview: boolean
  payment: InvoicePayment
  /** The action's answer to a refused dispute: shown in that invoice's form, with the reason as typed. */
  last?: FormReply
  /** Said while there are no invoices: who sends them depends on the reader and on the weekly job. */
  emptyText: string
}) {
  if (!invoices.length) return <p className="muted">{emptyText}</p>
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
            {/* The labels are said of the client; to the client, a pending invoice waits for them. */}
            {invoice.status === 'pending' && canReview
              ? 'Waiting for your approval'
              : INVOICE_STATUS_LABELS[invoice.status]}
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
                <ReviewInvoiceForms invoice={invoice} payment={payment} currency={currency} last={last} />
              ) : canTakeInvoiceAction('pay_now', invoice.status, 'client') ? (
                <PayNowForm invoice={invoice} hasCard={payment.card !== null} />
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

function PayNowForm({ invoice, hasCard }: { invoice: InvoiceRow; hasCard: boolean }) {
  return (
    <Form method="post" className="form-stack">
      <input type="hidden" name="invoiceId" value={invoice.id} />
      <p className="muted">
        <SaveCardLink>Save {hasCard ? 'another' : 'a'} card</SaveCardLink> to pay with, then:
      </p>
      <button type="submit" name="intent" value="pay-invoice" className="button button--primary button--wrap">
        Pay now for week of {formatDate(invoice.weekStart)}
      </button>
    </Form>
  )
}

/** Whether approving now could pay the invoice: from the wallet, or by the card on file. */
function approvalCanPay(amountMinor: number, payment: InvoicePayment): boolean {
  return payment.walletMinor >= amountMinor || payment.card !== null
}

/** How approving pays the invoice, said before the client approves: from the wallet, or by the card on file. */
function ApprovalPayment({
  amountMinor,
  payment,
  currency,
}: {
  amountMinor: number
  payment: InvoicePayment
  currency: string
}) {
  const money = (minor: number) => formatMoney(minor, currency)
  if (payment.walletMinor >= amountMinor)
    return (
      <p className="muted">{`Approving pays ${money(amountMinor)} from your wallet (${money(payment.walletMinor)}).`}</p>
    )
  return (
    <p className="muted">{`Approving charges ${money(amountMinor)} to your ${payment.card ?? 'card'}: your wallet holds ${money(payment.walletMinor)}.`}</p>
  )
}

/**
 * With neither enough in the wallet nor a card saved, approving could not pay: the payment would fail
 * and the invoice wait as unpaid. So the way that works comes first (save a card, then come back here
 * to approve), with the reason, instead of an Approve button that leads to a failed payment.
 */
function PayFirst({
  amountMinor,
  payment,
  currency,
}: {
  amountMinor: number
  payment: InvoicePayment
  currency: string
}) {
  const money = (minor: number) => formatMoney(minor, currency)
  return (
    <div className="form-stack">
      <p>
        {`To approve, first save a card to pay ${money(amountMinor)} with: your wallet holds ${money(payment.walletMinor)} `}
        and no card is saved, so an approval now could not be paid (the invoice would wait as “payment failed”).
      </p>
      <SaveCardLink className="button button--primary button--wrap">Save a card, then approve</SaveCardLink>
      <p className="muted">You come back here once the card is saved.</p>
    </div>
  )
}

function ReviewInvoiceForms({
  invoice,
  payment,
  currency,
  last,
}: {
  invoice: InvoiceRow
  payment: InvoicePayment
  currency: string
  last?: FormReply
}) {
  const week = formatDate(invoice.weekStart)
  const amount = invoice.payableMinor ?? invoice.amountMinor
  const id = `dispute-${invoice.id}`
  const [form, fields] = useZodForm(DisputeInvoiceConstraint, { id, last })
  return (
    <div className="form-stack">
      {approvalCanPay(amount, payment) ? (
        <Form method="post" className="form-stack">
          <ApprovalPayment amountMinor={amount} payment={payment} currency={currency} />
          <input type="hidden" name="invoiceId" value={invoice.id} />
          <button type="submit" name="intent" value="approve-invoice" className="button button--primary button--wrap">
            Approve invoice for week of {week}
          </button>
        </Form>
      ) : (
        <PayFirst amountMinor={amount} payment={payment} currency={currency} />
      )}
      {/* Open again when the server refused the reason, so its message and the text typed show. */}
      <details open={last?.formId === id || undefined}>
        <summary>Dispute it</summary>
        <Form method="post" {...getFormProps(form)} className="form-stack">
          <input type="hidden" name="invoiceId" value={invoice.id} />
          {/* The table may run a screen or more on a phone: a refusal opens the page at this summary. */}
          <FormAlert form={form} errors={form.errors} long labels={{ reason: `What is wrong (week of ${week})` }} />
          <TextareaField label={`What is wrong with the invoice for week of ${week}?`} meta={fields.reason} rows={3} />
          <button type="submit" name="intent" value="dispute-invoice" className="button button--danger">
            Dispute invoice
          </button>
        </Form>
      </details>
    </div>
  )
}

/** To the card page, which brings the client back to this page's invoices once the card is saved. */
export function SaveCardLink({ children = 'Save a card', className }: { children?: ReactNode; className?: string }) {
  const { pathname } = useLocation()
  const back = `${pathname}#invoices-heading`
  return (
    <Link to={`/settings/billing/card?${new URLSearchParams({ redirectTo: back })}`} className={className}>
      {children}
    </Link>
  )
}

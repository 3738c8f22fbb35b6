import { getFormProps } from '@conform-to/react'
import { Form, Link } from '@remix-run/react'
import { Field } from '~/components/ui/field'
import { formatDateTime, formatMoney } from '~/utils/format'
import { DataTable } from '~/components/ui/data-table'
import { FormAlert } from '~/components/ui/form-alert'
import { ConfirmCryptoPaymentConstraint } from '~/components/ui/form-constraints/confirm-crypto-payment'
import { RefundCryptoReceiptConstraint } from '~/components/ui/form-constraints/refund-crypto-receipt'
import { useZodForm, type FormReply } from '~/components/ui/use-zod-form'

type RequestRow = {
  id: string
  payerName: string
  contractId: string
  contractTitle: string
  milestoneTitle: string
  fiatAmountMinor: number
  fiatCurrency: string
  amountText: string
  choiceLabel: string
  status: 'pending' | 'confirmed' | 'expired'
  sandbox: boolean
  createdAt: string
  expiresAt: string
  txHash: string | null
  confirmedVia: 'webhook' | 'admin' | null
}

type ReceiptRow = {
  id: string
  payerName: string
  txHash: string
  amountText: string
  reason: string
  source: string
  createdAt: string
}

const STATUS = { pending: 'Waiting for payment', confirmed: 'Confirmed', expired: 'Expired' } as const
const BADGE = { pending: 'badge--open', confirmed: 'badge--sent', expired: 'badge--failed' } as const

/** `sandboxOff`: sandbox requests cannot be confirmed on this installation (the page says why). */
export function CryptoRequestsTable({
  rows,
  sandboxOff,
  last,
}: {
  rows: RequestRow[]
  sandboxOff: boolean
  last?: FormReply
}) {
  return (
    <DataTable
      caption="Crypto payment requests, newest first"
      columns={['Milestone', 'Payer', 'Amount', 'Status', 'Confirmation']}
    >
      {rows.map((row) => (
        <tr key={row.id}>
          <td>
            <Link to={`/contracts/${row.contractId}`}>{row.contractTitle}</Link> · {row.milestoneTitle}
            <br />
            <span className="muted">Started {formatDateTime(row.createdAt)}</span>
          </td>
          <td>{row.payerName}</td>
          <td>
            {row.amountText}{' '}
            <span className="muted">
              ({formatMoney(row.fiatAmountMinor, row.fiatCurrency)}, {row.choiceLabel})
            </span>
          </td>
          <td>
            <span className={`badge badge--plain ${BADGE[row.status]}`}>{STATUS[row.status]}</span>
            {row.sandbox ? <span className="badge badge--blocked">Sandbox</span> : null}
            {row.status === 'pending' ? <span className="muted"> until {formatDateTime(row.expiresAt)}</span> : null}
          </td>
          <td>
            {row.status === 'confirmed' ? (
              <span>
                {row.confirmedVia === 'admin' ? 'By an admin' : 'By the provider'}:{' '}
                <code className="crypto-code">{row.txHash}</code>
              </span>
            ) : row.status === 'pending' && row.sandbox && sandboxOff ? (
              <span className="muted">Sandbox payments are off here: cannot be confirmed</span>
            ) : row.status === 'pending' && row.sandbox ? (
              <ConfirmForm requestId={row.id} label={`${row.contractTitle} · ${row.milestoneTitle}`} last={last} />
            ) : row.status === 'pending' ? (
              <span className="muted">Waiting for the provider’s webhook</span>
            ) : (
              <span className="muted">Cannot be confirmed any more</span>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  )
}

function ConfirmForm({ requestId, label, last }: { requestId: string; label: string; last?: FormReply }) {
  const [form, fields] = useZodForm(ConfirmCryptoPaymentConstraint, { id: `confirm-${requestId}`, last })
  return (
    <Form method="post" {...getFormProps(form)} className="form-stack" aria-label={`Confirm the payment for ${label}`}>
      <FormAlert errors={form.errors} />
      <input type="hidden" name="requestId" value={requestId} />
      <Field label="Transaction reference" meta={fields.txHash} autoComplete="off" />
      <button type="submit" name="intent" value="confirm" className="button button--primary">
        Confirm payment
      </button>
    </Form>
  )
}

export function CryptoReceiptsTable({ rows, last }: { rows: ReceiptRow[]; last?: FormReply }) {
  return (
    <DataTable
      caption="Crypto received that could not fund anything, oldest first"
      columns={['Received', 'From', 'Amount', 'Why it is refunded', 'Refund']}
    >
      {rows.map((row) => (
        <tr key={row.id}>
          <td>
            {formatDateTime(row.createdAt)}
            <br />
            <code className="crypto-code">{row.txHash}</code>
          </td>
          <td>{row.payerName}</td>
          <td>{row.amountText}</td>
          <td>{row.reason}</td>
          <td>
            <RefundForm receiptId={row.id} last={last} />
          </td>
        </tr>
      ))}
    </DataTable>
  )
}

function RefundForm({ receiptId, last }: { receiptId: string; last?: FormReply }) {
  const [form, fields] = useZodForm(RefundCryptoReceiptConstraint, { id: `refund-${receiptId}`, last })
  return (
    <Form method="post" {...getFormProps(form)} className="form-stack">
      <input type="hidden" name="receiptId" value={receiptId} />
      <Field label="Refund transaction" meta={fields.reference} autoComplete="off" />
      <button type="submit" name="intent" value="refund" className="button button--secondary">
        Mark as refunded
      </button>
    </Form>
  )
}

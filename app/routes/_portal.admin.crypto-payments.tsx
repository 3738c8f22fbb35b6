import { bareIntents, parseIntent } from '~/http/intent.server'
import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { useActionData, useLoaderData } from '@remix-run/react'
import { CryptoReceiptsTable, CryptoRequestsTable } from '~/components/payments/admin-crypto-tables'
import type { FormReply } from '~/components/ui/use-zod-form'
import { PageHeader } from '~/components/ui/page-header'
import {
  confirmSandboxCryptoPayment,
  cryptoAdminOverview,
  markCryptoRefunded,
} from '~/services/payments/crypto/crypto-admin.server'
import { networkLabel } from '~/domain/crypto-networks'
import { ConfirmCryptoPaymentSchema, RefundCryptoReceiptSchema } from '~/services/payments/crypto/crypto-schemas'
import { requireRole } from '~/http/auth.server'
import { requireAdminStepUp, takeKeptAdminForm } from '~/http/step-up.server'
import { readFormData } from '~/http/form-data.server'
import { redirectWithToast } from '~/http/toast.server'

export const meta: MetaFunction = () => [{ title: 'Crypto payments · Admin · MegiLance' }]

/** The answer to one row's form, named by the row's form id so the page shows it under that form. */
const rowReply = (formId: string, reply: SubmissionResult<string[]>, status: number) =>
  json({ form: { formId, reply } }, { status })

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  // A confirmation or refund sent before confirming a second factor comes back filled in (not sent) once.
  const kept = await takeKeptAdminForm(request, ({ intent, requestId, receiptId }) =>
    intent === 'confirm' ? `confirm-${String(requestId)}` : intent === 'refund' ? `refund-${String(receiptId)}` : null,
  )
  return json({ ...(await cryptoAdminOverview()), kept }, { headers: { 'Cache-Control': 'no-store' } })
}

const IntentSchema = /* @__PURE__ */ bareIntents('confirm', 'refund')

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readFormData(request)
  const admin = await requireAdminStepUp(request, { form: formData })
  const { intent } = parseIntent(formData, IntentSchema)
  const back = '/admin/crypto-payments'

  if (intent === 'confirm') {
    const formId = `confirm-${String(formData.get('requestId') ?? '')}`
    const submission = parseWithZod(formData, { schema: ConfirmCryptoPaymentSchema })
    if (submission.status !== 'success') return rowReply(formId, submission.reply(), 400)
    const outcome = await confirmSandboxCryptoPayment({ ...submission.value, admin })
    const refuse = (message: string, status: number) =>
      rowReply(formId, submission.reply({ formErrors: [message] }), status)
    switch (outcome.kind) {
      case 'funded':
        return redirectWithToast(back, {
          kind: 'success',
          message: 'Payment confirmed: the milestone is funded and the money is in escrow.',
        })
      case 'to_wallet':
        return redirectWithToast(back, {
          kind: 'success',
          message:
            'Payment confirmed. The milestone could no longer be funded (funded meanwhile, or the contract ended), so the money went to the payer’s wallet.',
        })
      case 'already_confirmed':
        return redirectWithToast(back, {
          kind: 'success',
          message: 'This payment was already confirmed with that transaction; nothing changed.',
        })
      case 'recorded_for_refund':
      case 'transaction_used':
      case 'not_sandbox':
      case 'sandbox_off':
        return refuse(outcome.message, 409)
      case 'not_found':
        throw new Response('Not found', { status: 404 })
    }
  }

  if (intent === 'refund') {
    const formId = `refund-${String(formData.get('receiptId') ?? '')}`
    const submission = parseWithZod(formData, { schema: RefundCryptoReceiptSchema })
    if (submission.status !== 'success') return rowReply(formId, submission.reply(), 400)
    const done = await markCryptoRefunded({ ...submission.value, admin })
    if (!done)
      return rowReply(formId, submission.reply({ formErrors: ['This payment was already marked as refunded.'] }), 409)
    return redirectWithToast(back, { kind: 'success', message: 'Marked as refunded.' })
  }
}

export default function AdminCryptoPayments() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const last = actionData && 'form' in actionData ? (actionData.form as FormReply) : (data.kept ?? undefined)
  return (
    <>
      <PageHeader title="Crypto payments">
        <p className="muted">
          {data.sandboxOff
            ? `${data.sandboxOff} Networks without a receiving address take no payments, and their sandbox requests cannot be confirmed.`
            : data.sandboxNetworks.length === 0
              ? 'Every network has a receiving address: payments are confirmed by the provider’s signed webhook only.'
              : `Sandbox on ${data.sandboxNetworks.map(networkLabel).join(', ')}: no receiving address is configured there, so you confirm those payments here with a transaction reference.${data.sandboxNetworks.length < 5 ? ' Other networks are confirmed by the provider’s signed webhook.' : ''}`}
        </p>
      </PageHeader>
      <section aria-labelledby="crypto-requests-heading">
        <h2 id="crypto-requests-heading">Payment requests</h2>
        {data.requests.length ? (
          <CryptoRequestsTable rows={data.requests} sandboxOff={data.sandboxOff !== null} last={last} />
        ) : (
          <p className="empty">No crypto payment has been requested yet.</p>
        )}
      </section>
      <section aria-labelledby="crypto-refunds-heading">
        <h2 id="crypto-refunds-heading">To refund</h2>
        <p className="muted">
          Crypto that arrived too late, short, in another coin or twice: it funded nothing and goes back to the payer.
        </p>
        {data.receipts.length ? (
          <CryptoReceiptsTable rows={data.receipts} last={last} />
        ) : (
          <p className="empty">Nothing to refund.</p>
        )}
      </section>
    </>
  )
}

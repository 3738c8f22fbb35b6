import { refusalResponse } from '~/http/outcome-response.server'
import { parseWithZod } from '@conform-to/zod/v4'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { listFraudSignals } from '~/models/fraud-signals.server'
import { reviewFraudSignal } from '~/services/admin/fraud-signals.server'
import { FraudSignalActionSchema } from '~/services/messaging/message-schemas'
import { REASON_LABELS, type OffPlatformReason } from '~/services/messaging/off-platform'
import { requireRole } from '~/http/auth.server'
import { formatDateTime } from '~/utils/format'
import { readFormData } from '~/http/form-data.server'
import { redirectWithToast } from '~/http/toast.server'
import { DataTable } from '~/components/ui/data-table'

export const meta: MetaFunction = () => [{ title: 'Fraud signals · Admin · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const show = new URL(request.url).searchParams.get('show') === 'reviewed' ? 'reviewed' : 'open'
  const rows = await listFraudSignals(show)
  return json({
    show,
    rows: rows.map((row) => ({
      ...row,
      createdAt: row.createdAt.toISOString(),
      reviewedAt: row.reviewedAt?.toISOString() ?? null,
    })),
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const submission = parseWithZod(await readFormData(request), { schema: FraudSignalActionSchema })
  if (submission.status !== 'success') throw new Response('Choose a signal and what to do with it.', { status: 400 })
  const { intent, signalId } = submission.value
  const outcome = await reviewFraudSignal(admin, signalId, intent)
  if (!outcome.ok) throw refusalResponse(outcome)
  return redirectWithToast(intent === 'review' ? '/admin/fraud-signals' : '/admin/fraud-signals?show=reviewed', {
    kind: 'success',
    message: intent === 'review' ? 'Signal marked reviewed.' : 'Signal is waiting for review again.',
  })
}

function reasonLabel(reason: string) {
  return REASON_LABELS[reason as OffPlatformReason] ?? reason
}

function excerpt(body: string, max = 280) {
  return body.length > max ? `${body.slice(0, max - 1)}…` : body
}

export default function AdminFraudSignals() {
  const { show, rows } = useLoaderData<typeof loader>()
  return (
    <>
      <header className="page-header">
        <h1>Fraud signals</h1>
        <p className="muted">
          Messages that seem to move contact or payment off MegiLance. They were delivered with a warning to the
          recipient; look at each one, talk to the sender if needed, then mark it reviewed. Newest first.
        </p>
      </header>
      <nav className="tabs" aria-label="Fraud signal lists">
        <Link to="?show=open" className="tabs__tab" aria-current={show === 'open' ? 'page' : undefined}>
          Waiting
        </Link>
        <Link to="?show=reviewed" className="tabs__tab" aria-current={show === 'reviewed' ? 'page' : undefined}>
          Reviewed
        </Link>
      </nav>
      {rows.length ? (
        <DataTable
          caption={show === 'open' ? 'Fraud signals waiting for review' : 'Reviewed fraud signals'}
          columns={['When', 'Sender', 'Message', 'Reasons', 'Status', 'Action']}
        >
          {rows.map((row) => (
            <tr key={row.id}>
              <td>{formatDateTime(row.createdAt)}</td>
              <td>
                <Link to={`/admin/users/${row.senderId}`}>{row.senderName}</Link>
                <span className="cell-detail">{row.senderEmail}</span>
              </td>
              <td className="fraud-signal__message">
                {row.messageBody !== null ? (
                  excerpt(row.messageBody)
                ) : (
                  <span className="muted">The message is gone.</span>
                )}
                {row.conversationId ? (
                  <span className="cell-detail">
                    <Link to={`/messages/${row.conversationId}`}>Open the conversation</Link>
                  </span>
                ) : null}
              </td>
              <td>
                <ul className="tags" aria-label="Reasons">
                  {row.reasons.map((reason) => (
                    <li key={reason}>{reasonLabel(reason)}</li>
                  ))}
                </ul>
              </td>
              <td>{row.reviewedAt ? `Reviewed ${formatDateTime(row.reviewedAt)}` : 'Waiting for review'}</td>
              <td>
                <Form method="post">
                  <input type="hidden" name="signalId" value={row.id} />
                  {row.reviewedAt ? (
                    <button type="submit" name="intent" value="reopen" className="button button--secondary">
                      Reopen
                    </button>
                  ) : (
                    <button
                      type="submit"
                      name="intent"
                      value="review"
                      className="button button--secondary"
                      aria-label={`Mark reviewed: message from ${row.senderName}`}
                    >
                      Mark reviewed
                    </button>
                  )}
                </Form>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p className="empty">
          {show === 'open' ? 'Nothing is waiting for review.' : 'No signal has been reviewed yet.'}
        </p>
      )}
    </>
  )
}

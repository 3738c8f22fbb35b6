import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useLoaderData } from '@remix-run/react'
import { listOutbox } from '~/models/outbox.server'
import { isEmailSandboxed } from '~/services/email/mailer.server'
import { isSmsSandboxed } from '~/services/security/sms.server'
import { formatDateTime } from '~/utils/format'
import { DataTable } from '~/components/ui/data-table'
import { readAdminQuery } from '~/http/query.server'
import { FilterForm } from '~/components/ui/filters'
import { PageHeader } from '~/components/ui/page-header'
import { OutboxFilterSchema } from '~/services/email/outbox-schemas'

export const meta: MetaFunction = () => [{ title: 'Outbox · Admin · MegiLance' }]

const PAGE_SIZE = 30

export async function loader({ request }: LoaderFunctionArgs) {
  const filter = await readAdminQuery(request, OutboxFilterSchema)
  const { rows, total } = await listOutbox({ to: filter.to, page: filter.page, pageSize: PAGE_SIZE })
  return json({ filter, rows, total, emailOffline: isEmailSandboxed(), smsOffline: isSmsSandboxed() })
}

export default function AdminOutbox() {
  const { filter, rows, total, emailOffline, smsOffline } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Outbox">
        {emailOffline ? (
          <p>
            <strong>This is the offline outbox.</strong> No SMTP server is configured (SMTP_URL), so emails are kept
            here instead of being sent, and every admin can read them. One-time codes (sign-in, sign-up, password reset)
            show only to the admin they were sent to; in everyone else’s messages they are masked. A message carrying a
            code is erased when the code expires. Set SMTP_URL before real people use this server.
          </p>
        ) : (
          <p className="muted">
            A record of the emails sent through SMTP: recipient, subject, kind and delivery status. Bodies are not kept,
            and codes in subjects are masked.
          </p>
        )}
        <p className="muted">
          {smsOffline
            ? 'Text messages are kept here too, until their code expires: Twilio is not configured.'
            : 'Text messages go through Twilio; only their delivery is recorded here.'}
        </p>
      </PageHeader>
      <FilterForm
        label="Find emails"
        idPrefix="outbox"
        values={filter}
        fields={[{ kind: 'search', name: 'to', label: 'Recipient' }]}
      />
      <DataTable
        pages={{ page: filter.page, pageSize: PAGE_SIZE, total }}
        caption={<>Emails, newest first ({total})</>}
        columns={['Email', { label: 'Sent', className: 'hide-narrow' }, 'Status']}
        card
        empty={rows.length === 0 ? 'No emails yet.' : null}
      >
        {rows.map((message) => (
          <tr key={message.id}>
            <td>
              <Link to={`/admin/outbox/${message.id}`}>{message.subject}</Link>
              <span className="cell-detail">To {message.to}</span>
            </td>
            <td className="hide-narrow">{formatDateTime(message.createdAt)}</td>
            <td>
              <span className={`badge badge--${message.status}`}>{message.status}</span>
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  )
}

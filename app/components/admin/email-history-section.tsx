import { getFormProps } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { AlertMessage } from '~/components/ui/alert-message'
import { CardSection } from '~/components/ui/card-section'
import { DataTable } from '~/components/ui/data-table'
import { RadioGroup, TextareaField } from '~/components/ui/field'
import { RestoreEmailConstraint } from '~/components/ui/form-constraints/restore-email'
import { useZodForm, type FormReply } from '~/components/ui/use-zod-form'
import { restorableChanges } from '~/domain/email-history'
import { formatDateTime } from '~/utils/format'

export type EmailChangeView = {
  id: string
  oldEmail: string
  newEmail: string
  confirmedBy: 'code_to_new_address' | 'restored_by_admin'
  adminName: string | null
  reason: string | null
  createdAt: string
}

/**
 * An account's address history (newest first) and, after a takeover, the form that puts an earlier
 * address back (those `restorableChanges` allows).
 */
export function EmailHistorySection({
  changes,
  currentEmail,
  last,
}: {
  changes: EmailChangeView[]
  currentEmail: string
  last?: FormReply
}) {
  const earlier = restorableChanges(changes, currentEmail)
  return (
    <CardSection id="email-history-heading" title="Email address history">
      {changes.length ? (
        <DataTable
          caption="Changes of this account’s email address, newest first"
          columns={['When', 'From', 'To', 'How']}
          stackOnPhone
        >
          {changes.map((change) => (
            <tr key={change.id}>
              <td>{formatDateTime(change.createdAt)}</td>
              <td>{change.oldEmail}</td>
              <td>{change.newEmail}</td>
              <td>
                {change.confirmedBy === 'restored_by_admin'
                  ? `Put back by ${change.adminName ?? 'an admin'}: “${change.reason ?? ''}”`
                  : 'Code sent to the new address'}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p className="muted">The address has not changed since the account was made.</p>
      )}
      {earlier.length ? <RestoreEmailForm earlier={earlier} last={last} /> : null}
    </CardSection>
  )
}

function RestoreEmailForm({ earlier, last }: { earlier: EmailChangeView[]; last?: FormReply }) {
  const [form, fields] = useZodForm(RestoreEmailConstraint, {
    id: 'restore-email',
    last,
    defaultValue: { changeId: earlier[0]?.id },
  })
  const options = earlier.map((change) => ({
    value: change.id,
    label: change.oldEmail,
    description: `Their address until ${formatDateTime(change.createdAt)}`,
  }))
  return (
    <Form method="post" {...getFormProps(form)} className="form-stack">
      <p className="muted">
        After a takeover: putting an earlier address back signs the member out everywhere and emails that address with
        your reason and what to do next.
      </p>
      <RadioGroup legend="Address to put back" meta={fields.changeId} options={options} />
      <TextareaField label="Reason sent to the member" meta={fields.reason} rows={3} hint="At least 10 characters." />
      <AlertMessage message={form.errors} />
      <button type="submit" name="intent" value="restore-email" className="button button--danger">
        Restore this address
      </button>
    </Form>
  )
}

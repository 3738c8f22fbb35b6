import { getFormProps } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { AlertMessage } from '~/components/ui/alert-message'
import { CardSection } from '~/components/ui/card-section'
import { DataTable } from '~/components/ui/data-table'
import { RadioGroup, TextareaField } from '~/components/ui/field'
import { RestoreEmailConstraint } from '~/components/ui/form-constraints/restore-email'
import { useZodForm, type FormReply } from '~/components/ui/use-zod-form'
import { restorableChanges } from '~/domain/email-history'
import { formatDateTime, formatMoney } from '~/utils/format'

export type EmailChangeView = {
  id: string
  oldEmail: string
  newEmail: string
  confirmedBy: 'code_to_new_address' | 'restored_by_admin'
  adminName: string | null
  reason: string | null
  createdAt: string
}

/** What a restore removes (restorePreviews), as the loader sends it. */
type RestorePreviewView = {
  factors: { label: string; createdAt: string }[]
  payoutMethods: {
    label: string
    createdAt: string
    payouts: { amountMinor: number; currency: string; status: string; createdAt: string }[]
  }[]
}

/**
 * An account's address history (newest first) and, after a takeover, the form that puts an earlier
 * address back (those `restorableChanges` allows), with what each restore removes (`previews`, by
 * change id, as of `listedAt`).
 */
export function EmailHistorySection({
  changes,
  currentEmail,
  previews,
  listedAt,
  last,
}: {
  changes: EmailChangeView[]
  currentEmail: string
  previews: Record<string, RestorePreviewView>
  listedAt: number
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
      {earlier.length ? (
        <RestoreEmailForm earlier={earlier} previews={previews} listedAt={listedAt} last={last} />
      ) : null}
    </CardSection>
  )
}

function RestoreEmailForm({
  earlier,
  previews,
  listedAt,
  last,
}: {
  earlier: EmailChangeView[]
  previews: Record<string, RestorePreviewView>
  listedAt: number
  last?: FormReply
}) {
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
        After a takeover: putting an earlier address back signs the member out everywhere, removes the second factors
        and payout methods added since that address was changed (listed below; payouts to them not sent yet are held for
        review) and emails that address with your reason, that list and what to do next.
      </p>
      <input type="hidden" name="listedAt" value={listedAt} />
      <RadioGroup legend="Address to put back" meta={fields.changeId} options={options} />
      {earlier.map((change) => (
        <RestoreEffects key={change.id} change={change} preview={previews[change.id]} headed={earlier.length > 1} />
      ))}
      <TextareaField label="Reason sent to the member" meta={fields.reason} rows={3} hint="At least 10 characters." />
      <AlertMessage message={form.errors} />
      <button type="submit" name="intent" value="restore-email" className="button button--danger">
        Restore this address
      </button>
    </Form>
  )
}

/** What putting back one address also does: each factor and payout method added since, with when. */
function RestoreEffects({
  change,
  preview,
  headed,
}: {
  change: EmailChangeView
  preview: RestorePreviewView | undefined
  headed: boolean
}) {
  const nothing = !preview || (preview.factors.length === 0 && preview.payoutMethods.length === 0)
  const title = headed ? `Putting back ${change.oldEmail} also removes` : 'This restore also removes'
  return (
    <section className="restore-effects" aria-label={title}>
      <h3>{title}</h3>
      {nothing ? (
        <p className="muted">
          Nothing: no second factor or payout method was added after {formatDateTime(change.createdAt)}.
        </p>
      ) : (
        <ul>
          {preview.factors.map((factor) => (
            <li key={`${factor.label}-${factor.createdAt}`}>
              {factor.label}, added {formatDateTime(factor.createdAt)}
            </li>
          ))}
          {preview.payoutMethods.map((method) => (
            <li key={`${method.label}-${method.createdAt}`}>
              Payout method: {method.label}, added {formatDateTime(method.createdAt)}
              {method.payouts.length ? (
                <ul>
                  {method.payouts.map((payout) => (
                    <li key={payout.createdAt}>
                      {formatMoney(payout.amountMinor, payout.currency)} payout requested{' '}
                      {formatDateTime(payout.createdAt)}:{' '}
                      {payout.status === 'held' ? 'already held, stays held' : 'not sent yet, will be held for review'}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { Field } from '~/components/ui/field'
import { formatDate, formatDateTime } from '~/utils/format'
import { RemoveForm } from '~/components/ui/removable-entry'
import { useZodForm } from '~/components/ui/use-zod-form'
import { RenameCredentialConstraint } from '~/components/ui/form-constraints/rename-credential'

export type CredentialItem = { id: string; name: string; createdAt: string; lastUsedAt: string | null }

function CredentialRow({
  credential,
  lastResult,
}: {
  credential: CredentialItem
  lastResult?: SubmissionResult<string[]> | null
}) {
  const [form, fields] = useZodForm(RenameCredentialConstraint, {
    id: `rename-${credential.id}`,
    lastResult,
    defaultValue: { name: credential.name },
  })
  return (
    <li aria-label={credential.name} className="project-summary">
      <p>
        <strong>{credential.name}</strong>
      </p>
      <p className="muted">
        Added {formatDate(credential.createdAt)} ·{' '}
        {credential.lastUsedAt ? `last used ${formatDateTime(credential.lastUsedAt)}` : 'not used to sign in yet'}
      </p>
      <Form method="post" {...getFormProps(form)} className="filters">
        <input type="hidden" name="intent" value="rename" />
        <input type="hidden" name="credentialId" value={credential.id} />
        <Field label="Name" meta={fields.name} maxLength={60} />
        <button type="submit" className="button button--secondary">
          Rename
        </button>
      </Form>
      <RemoveForm name="credentialId" value={credential.id} className="button button--danger" />
    </li>
  )
}

/** The user's passkeys or security keys, each with rename and remove. */
export function WebAuthnCredentialList({
  credentials,
  label,
  renameResult,
}: {
  credentials: CredentialItem[]
  label: string
  renameResult?: { id: string | null; result: SubmissionResult<string[]> } | null
}) {
  return (
    <ul className="list" aria-label={label}>
      {credentials.map((credential) => (
        <CredentialRow
          key={credential.id}
          credential={credential}
          lastResult={renameResult?.id === credential.id ? renameResult.result : null}
        />
      ))}
    </ul>
  )
}

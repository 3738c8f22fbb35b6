import { getFormProps } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { AlertMessage } from '~/components/ui/alert-message'
import { TextareaField } from '~/components/ui/field'
import { BlockUserConstraint } from '~/components/ui/form-constraints/block-user'
import { useZodForm, type FormReply } from '~/components/ui/use-zod-form'

/**
 * Blocking a member with the reason they are shown. Its own component, so its state starts afresh
 * each time it appears (after an unblock it is empty, not holding the reason of the last block).
 */
export function BlockUserForm({ last }: { last?: FormReply }) {
  const [form, fields] = useZodForm(BlockUserConstraint, { id: 'block-user', last })
  return (
    <Form method="post" {...getFormProps(form)} className="form-stack">
      <p className="muted">
        Blocking signs the user out everywhere. They see this reason when they try to sign in, and by email.
      </p>
      <TextareaField label="Reason for blocking" meta={fields.reason} rows={3} />
      <AlertMessage message={form.errors} />
      <button type="submit" name="intent" value="block" className="button button--danger">
        Block user
      </button>
    </Form>
  )
}

import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { ResendCodeRow } from '~/components/security/resend-code-row'
import { Form } from '@remix-run/react'
import { Field } from '~/components/ui/field'
import { FormAlert } from '~/components/ui/form-alert'
import { SubmitButton } from '~/components/ui/submit-button'
import { useZodForm } from '~/components/ui/use-zod-form'
import { ChangeEmailConstraint } from '~/components/ui/form-constraints/change-email'
import { ConfirmCodeConstraint } from '~/components/ui/form-constraints/confirm-code'

type Reply = SubmissionResult<string[]> | null | undefined

/** Step one: the new address and the password. */
export function ChangeEmailForm({ lastResult }: { lastResult: Reply }) {
  const [form, fields] = useZodForm(ChangeEmailConstraint, { id: 'change-email', lastResult })
  return (
    <Form method="post" {...getFormProps(form)} className="form-stack">
      <FormAlert
        id={form.errorId}
        errors={form.errors}
        form={form}
        labels={{ newEmail: 'New email address', password: 'Your password' }}
      />
      <input type="hidden" name="intent" value="start" />
      <Field
        label="New email address"
        meta={fields.newEmail}
        type="email"
        autoComplete="email"
        hint="We send a code there. The address changes only when you enter it."
      />
      <Field label="Your password" meta={fields.password} type="password" autoComplete="current-password" />
      <SubmitButton>Send code</SubmitButton>
    </Form>
  )
}

/** Step two: the code sent to the new address, or a new code, or another address. */
export function ConfirmEmailForm({ newEmail, lastResult }: { newEmail: string; lastResult: Reply }) {
  const [form, fields] = useZodForm(ConfirmCodeConstraint, { id: 'confirm-email', lastResult })
  return (
    <>
      <p>
        We sent a code to <strong>{newEmail}</strong>. Enter it here to make that your sign-in address. It works for 10
        minutes.
      </p>
      <Form method="post" {...getFormProps(form)} className="form-stack">
        <FormAlert id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="confirm" />
        <Field
          label="Code from the email"
          meta={fields.code}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
        />
        <SubmitButton>Change email address</SubmitButton>
      </Form>
      <ResendCodeRow changeLabel="Use a different address" />
    </>
  )
}

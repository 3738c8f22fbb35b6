import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react'
import { Field, NewPasswordField } from '~/components/ui/field'
import { completePasswordReset } from '~/services/accounts/password-reset.server'
import { ResetPasswordSchema } from '~/services/accounts/schemas'
import { anonymousOnlyLoader, requireAnonymous } from '~/http/auth.server'
import { redirectWithToast } from '~/http/toast.server'
import { readFormData } from '~/http/form-data.server'
import { refusalReply } from '~/http/form-error.server'
import { SubmitButton } from '~/components/ui/submit-button'
import { useZodForm } from '~/components/ui/use-zod-form'
import { ResetPasswordConstraint } from '~/components/ui/form-constraints/reset-password'
import { FormAlert } from '~/components/ui/form-alert'
import { RESET_CODE_MINUTES } from '~/domain/reset-code'

export const meta: MetaFunction = () => [{ title: 'Choose a new password · MegiLance' }]

export const loader = anonymousOnlyLoader

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request)
  const submission = parseWithZod(await readFormData(request), { schema: ResetPasswordSchema })
  if (submission.status !== 'success') return json(submission.reply({ hideFields: ['password'] }), { status: 400 })
  const result = await completePasswordReset(submission.value)
  if (!result.ok) return json(refusalReply(submission, result, ['password']), { status: 400 })
  return redirectWithToast('/sign-in', {
    kind: 'success',
    message: 'Your password was changed and other devices were signed out. Sign in with the new password.',
  })
}

export default function ResetPassword() {
  const lastResult = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const [form, fields] = useZodForm(ResetPasswordConstraint, {
    id: 'reset-password',
    lastResult,
    defaultValue: { email: searchParams.get('email') ?? '' },
  })
  return (
    <>
      <h1>Choose a new password</h1>
      <p className="muted">
        Enter the 8-digit code from the email (it works for {RESET_CODE_MINUTES} minutes) and your new password.
      </p>
      <Form method="post" {...getFormProps(form)}>
        <FormAlert form={form} labels={{ code: 'Reset code', password: 'New password' }} />
        <Field label="Email" meta={fields.email} type="email" autoComplete="email" />
        <Field label="Reset code" meta={fields.code} inputMode="numeric" autoComplete="one-time-code" />
        <NewPasswordField label="New password" meta={fields.password} />
        <SubmitButton block>Change password</SubmitButton>
      </Form>
      <p className="auth-card__alt">
        No email? <Link to="/forgot-password">Send a new code</Link>
      </p>
    </>
  )
}

import { getFormProps } from '@conform-to/react'
import { refuseSignInChangeOnDemoAccount } from '~/http/demo-account.server'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, useActionData } from '@remix-run/react'
import { Field, NewPasswordField } from '~/components/ui/field'
import { changePasswordOnSession } from '~/services/security/password-confirm.server'
import { originOf } from '~/services/security/context'
import { Throttled } from '~/services/security/throttle.server'
import { tooManyAttempts } from '~/http/too-many-attempts.server'
import { keepRetryAfter } from '~/http/retry-after-headers.server'
import { ChangePasswordSchema } from '~/services/accounts/schemas'
import { requireSession } from '~/http/auth.server'
import { redirectWithToast } from '~/http/toast.server'
import { readFormData } from '~/http/form-data.server'
import { refusalReply } from '~/http/form-error.server'
import { requireStepUp } from '~/http/step-up.server'
import { SubmitButton } from '~/components/ui/submit-button'
import { useZodForm } from '~/components/ui/use-zod-form'
import { ChangePasswordConstraint } from '~/components/ui/form-constraints/change-password'
import { FormAlert } from '~/components/ui/form-alert'

const PASSWORD_FIELDS = ['currentPassword', 'newPassword', 'confirmPassword']

/** A 429 answer to the form keeps its Retry-After in the page, with JavaScript or without. */
export const headers = keepRetryAfter

// Changing the password needs a second factor from the last 10 minutes: asked before the form.
export async function loader({ request }: LoaderFunctionArgs) {
  requireStepUp(request, await requireSession(request))
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSession(request)
  await refuseSignInChangeOnDemoAccount(session.user.id)
  requireStepUp(request, session)
  const submission = parseWithZod(await readFormData(request), { schema: ChangePasswordSchema })
  if (submission.status !== 'success') return json(submission.reply({ hideFields: PASSWORD_FIELDS }), { status: 400 })
  let result: Awaited<ReturnType<typeof changePasswordOnSession>>
  try {
    result = await changePasswordOnSession(session, submission.value, originOf(request, context.clientIp))
  } catch (error) {
    if (!(error instanceof Throttled)) throw error
    return tooManyAttempts(error, (formErrors) => submission.reply({ formErrors, hideFields: PASSWORD_FIELDS }))
  }
  if (!result.ok) return json(refusalReply(submission, result, PASSWORD_FIELDS), { status: 400 })
  return redirectWithToast('/settings/password', {
    kind: 'success',
    message: 'Your password is changed. Your other devices were signed out.',
  })
}

export default function PasswordSettings() {
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useZodForm(ChangePasswordConstraint, { id: 'change-password', lastResult })
  return (
    <>
      <h2>Password</h2>
      <p className="muted">Changing your password signs out every other device.</p>
      <Form method="post" {...getFormProps(form)} className="form-stack">
        <FormAlert form={form} labels={{ confirmPassword: 'Repeat new password' }} />
        <Field label="Current password" meta={fields.currentPassword} type="password" autoComplete="current-password" />
        <NewPasswordField label="New password" meta={fields.newPassword} />
        <Field label="Repeat new password" meta={fields.confirmPassword} type="password" autoComplete="new-password" />
        <SubmitButton>Change password</SubmitButton>
      </Form>
    </>
  )
}

import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, Link, useActionData } from '@remix-run/react'
import { Field } from '~/components/ui/field'
import { SubmitButton } from '~/components/ui/submit-button'
import { startPasswordReset } from '~/services/accounts/password-reset.server'
import { RESET_CODE_MINUTES } from '~/domain/reset-code'
import { logger } from '~/utils/logger.server'
import { ForgotPasswordSchema } from '~/services/accounts/schemas'
import { anonymousOnlyLoader, requireAnonymous } from '~/http/auth.server'
import { redirectWithToast } from '~/http/toast.server'
import { readFormData } from '~/http/form-data.server'
import { ForgotPasswordConstraint } from '~/components/ui/form-constraints/forgot-password'
import { useZodForm } from '~/components/ui/use-zod-form'

export const meta: MetaFunction = () => [{ title: 'Reset your password · MegiLance' }]

export const loader = anonymousOnlyLoader

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request)
  const submission = parseWithZod(await readFormData(request), { schema: ForgotPasswordSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const { emailSent } = await startPasswordReset(submission.value.email, context.clientIp)
  // Not awaited: the answer takes as long, and says the same, whether or not the account exists.
  emailSent.catch((error: unknown) => logger.error({ err: error }, 'sending a reset code failed'))
  return redirectWithToast(`/reset-password?${new URLSearchParams({ email: submission.value.email })}`, {
    kind: 'info',
    message: `If an account uses that email, a reset code is on its way. It expires in ${RESET_CODE_MINUTES} minutes.`,
  })
}

export default function ForgotPassword() {
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useZodForm(ForgotPasswordConstraint, {
    id: 'forgot-password',
    lastResult,
  })
  return (
    <>
      <h1>Reset your password</h1>
      <p className="muted">Enter the email you signed up with and we will send you a one-time code.</p>
      <Form method="post" {...getFormProps(form)}>
        <Field label="Email" meta={fields.email} type="email" autoComplete="email" />
        <SubmitButton block>Send reset code</SubmitButton>
      </Form>
      <p className="auth-card__alt">
        Remembered it? <Link to="/sign-in">Sign in</Link>
      </p>
    </>
  )
}

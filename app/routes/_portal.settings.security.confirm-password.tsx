import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, useActionData } from '@remix-run/react'
import { Field } from '~/components/ui/field'
import { tooManyAttempts } from '~/http/too-many-attempts.server'
import { originOf } from '~/services/security/context'
import { ConfirmPasswordSchema } from '~/services/security/factor-schemas'
import { confirmPasswordOnSession } from '~/services/security/password-confirm.server'
import { Throttled } from '~/services/security/throttle.server'
import { requireSession } from '~/http/auth.server'
import { readFormData } from '~/http/form-data.server'
import { returnAfterConfirming } from '~/http/step-up.server'
import { FormAlert } from '~/components/ui/form-alert'
import { SubmitButton } from '~/components/ui/submit-button'
import { useZodForm } from '~/components/ui/use-zod-form'
import { ConfirmPasswordConstraint } from '~/components/ui/form-constraints/confirm-password'
import { keepRetryAfter } from '~/http/retry-after-headers.server'

/** A 429 answer to the form keeps its Retry-After in the page, with JavaScript or without. */
export const headers = keepRetryAfter

export const meta: MetaFunction = () => [{ title: 'Confirm your password · Settings · MegiLance' }]

const HIDDEN = ['password']

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSession(request)
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSession(request)
  const submission = parseWithZod(await readFormData(request), { schema: ConfirmPasswordSchema })
  if (submission.status !== 'success') return json(submission.reply({ hideFields: HIDDEN }), { status: 400 })
  try {
    if (!(await confirmPasswordOnSession(session, submission.value.password, originOf(request, context.clientIp)))) {
      return json(submission.reply({ fieldErrors: { password: ['That password is not right'] }, hideFields: HIDDEN }), {
        status: 400,
      })
    }
  } catch (error) {
    if (!(error instanceof Throttled)) throw error
    return tooManyAttempts(error, (formErrors) => submission.reply({ formErrors, hideFields: HIDDEN }))
  }
  return returnAfterConfirming(request, 'Confirmed. For the next 10 minutes you can add a second factor.')
}

export default function ConfirmPassword() {
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useZodForm(ConfirmPasswordConstraint, { id: 'confirm-password', lastResult })
  return (
    <>
      <h2>Confirm your password</h2>
      <p className="muted">
        Before you add your first second factor, enter your password again, so that nobody who finds this browser signed
        in can add one of their own.
      </p>
      <Form method="post" {...getFormProps(form)} className="form-stack">
        <FormAlert id={form.errorId} errors={form.errors} />
        <Field label="Password" meta={fields.password} type="password" autoComplete="current-password" />
        <SubmitButton>Confirm</SubmitButton>
      </Form>
    </>
  )
}

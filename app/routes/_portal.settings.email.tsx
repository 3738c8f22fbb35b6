import { parseWithZod } from '@conform-to/zod/v4'
import { refuseSignInChangeOnDemoAccount } from '~/http/demo-account.server'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { useActionData, useLoaderData } from '@remix-run/react'
import { ChangeEmailForm, ConfirmEmailForm } from '~/components/settings/email-change-forms'
import { DemoEmail } from '~/components/security/demo-email'
import { requireSession } from '~/http/auth.server'
import { readFormData } from '~/http/form-data.server'
import { refusalReply } from '~/http/form-error.server'
import { bareIntents, parseIntent } from '~/http/intent.server'
import { keepRetryAfter } from '~/http/retry-after-headers.server'
import { requireStepUpWhenFactor } from '~/http/step-up.server'
import { redirectWithToast } from '~/http/toast.server'
import { tooManyAttempts } from '~/http/too-many-attempts.server'
import {
  cancelEmailChange,
  confirmEmailChange,
  pendingEmailChangeOf,
  resendEmailChangeCode,
  startEmailChange,
} from '~/services/accounts/email-change.server'
import { ChangeEmailSchema } from '~/services/accounts/schemas'
import { readDemoMail } from '~/services/email/demo-mailbox.server'
import { originOf } from '~/services/security/context'
import { ConfirmCodeSchema } from '~/services/security/factor-schemas'
import { Throttled } from '~/services/security/throttle.server'

const PATH = '/settings/email'
const HIDDEN = ['password']

/** A 429 answer to the form keeps its Retry-After in the page, with JavaScript or without. */
export const headers = keepRetryAfter

export const meta: MetaFunction = () => [{ title: 'Email address · Settings · MegiLance' }]

// An account with a second factor confirms one first (asked before the form, so nothing typed is lost).
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireSession(request)
  await requireStepUpWhenFactor(request, session)
  const pending = await pendingEmailChangeOf(session)
  const demoEmail = pending
    ? await readDemoMail(pending.newEmail, ['email_change_code', 'email_change_taken'], pending.sentAt)
    : null
  return json({ email: session.user.email, pending: pending?.newEmail ?? null, demoEmail })
}

const IntentSchema = /* @__PURE__ */ bareIntents('start', 'confirm', 'resend', 'cancel')

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSession(request)
  await refuseSignInChangeOnDemoAccount(session.user.id)
  await requireStepUpWhenFactor(request, session)
  const formData = await readFormData(request)
  const origin = originOf(request, context.clientIp)
  const { intent } = parseIntent(formData, IntentSchema)
  switch (intent) {
    case 'start': {
      const submission = parseWithZod(formData, { schema: ChangeEmailSchema })
      if (submission.status !== 'success') return json(submission.reply({ hideFields: HIDDEN }), { status: 400 })
      try {
        const started = await startEmailChange(session, submission.value, origin)
        if (!started.ok) return json(refusalReply(submission, started, HIDDEN), { status: 400 })
      } catch (error) {
        if (!(error instanceof Throttled)) throw error
        return tooManyAttempts(error, (formErrors) => submission.reply({ formErrors, hideFields: HIDDEN }))
      }
      return redirectWithToast(PATH, { kind: 'info', message: 'We sent a code to your new address. Enter it below.' })
    }
    case 'confirm': {
      const submission = parseWithZod(formData, { schema: ConfirmCodeSchema })
      if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
      const confirmed = await confirmEmailChange(session, submission.value.code, origin)
      if (!confirmed.ok) {
        const message = 'That code is not right, or it has expired. Check the latest email, or send a new code.'
        return json(submission.reply({ fieldErrors: { code: [message] } }), { status: 400 })
      }
      return redirectWithToast(PATH, {
        kind: 'success',
        message: `Your email address is now ${confirmed.newEmail}. Sign in with it from now on.`,
      })
    }
    case 'resend': {
      try {
        if (!(await resendEmailChangeCode(session, origin)))
          return redirectWithToast(PATH, { kind: 'error', message: 'No address is waiting for a code. Start again.' })
      } catch (error) {
        if (!(error instanceof Throttled)) throw error
        return tooManyAttempts(error)
      }
      return redirectWithToast(PATH, { kind: 'info', message: 'We sent a new code. Earlier codes no longer work.' })
    }
    case 'cancel': {
      await cancelEmailChange(session)
      return redirectWithToast(PATH, { kind: 'info', message: 'Your email address was not changed.' })
    }
  }
}

export default function EmailSettings() {
  const { email, pending, demoEmail } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <h2>Email address</h2>
      <p>
        You sign in with <strong>{email}</strong>. Codes, password resets and notifications go there.
      </p>
      <p className="muted">
        To use another address, we send a code to it first. Once you enter the code, we tell this address about the
        change. You stay signed in on your other devices; you can sign them out under Sessions.
      </p>
      {demoEmail ? <DemoEmail text={demoEmail} /> : null}
      {pending ? (
        <ConfirmEmailForm newEmail={pending} lastResult={lastResult} />
      ) : (
        <ChangeEmailForm lastResult={lastResult} />
      )}
    </>
  )
}

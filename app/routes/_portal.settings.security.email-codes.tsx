import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { refuseSignInChangeOnDemoAccount } from '~/http/demo-account.server'
import { json } from '~/http/json.server'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { EmailFactorIntentSchema } from '~/services/security/factor-schemas'
import { SecuritySubpageHeading } from '~/components/security/security-subpage-heading'
import { FormAlert } from '~/components/ui/form-alert'
import { formError } from '~/http/form-error.server'
import { parseIntent } from '~/http/intent.server'
import { tooManyAttempts } from '~/http/too-many-attempts.server'
import { isEmailFactorOn } from '~/models/email-factors.server'
import { originOf } from '~/services/security/context'
import { maskEmail } from '~/services/security/email-codes.server'
import { confirmEmailFactor, startEmailFactor, stopEmailFactor } from '~/services/security/email-factor.server'
import { Throttled } from '~/services/security/throttle.server'
import { requireSession } from '~/http/auth.server'
import { readFormData } from '~/http/form-data.server'
import { requireEnrolmentCheck, requireStepUp } from '~/http/step-up.server'
import { redirectWithToast } from '~/http/toast.server'
import { keepRetryAfter } from '~/http/retry-after-headers.server'

/** A 429 answer to the form keeps its Retry-After in the page, with JavaScript or without. */
export const headers = keepRetryAfter

export const meta: MetaFunction = () => [{ title: 'Email codes · Security · Settings · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireSession(request)
  return json({ on: await isEmailFactorOn(user.id), email: maskEmail(user.email) })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSession(request)
  await refuseSignInChangeOnDemoAccount(session.user.id)
  const origin = originOf(request, context.clientIp)
  const form = parseIntent(await readFormData(request), EmailFactorIntentSchema)
  // Turning email codes on adds a factor: that needs one the account already had, or the password.
  if (form.intent !== 'off') await requireEnrolmentCheck(request, session, '/settings/security/email-codes')
  try {
    switch (form.intent) {
      case 'send':
        await startEmailFactor(session.user.id, origin)
        return redirect('/settings/security/email-codes?sent=1')
      case 'confirm':
        if (await confirmEmailFactor(session.user.id, form.code, origin)) {
          return redirectWithToast('/settings/security', { kind: 'success', message: 'Email codes are on.' })
        }
        return json(formError('That code is not right, or it has expired. Check it, or send a new one.'), {
          status: 400,
        })
      case 'off':
        requireStepUp(request, session, '/settings/security/email-codes')
        await stopEmailFactor(session.user.id, origin)
        return redirectWithToast('/settings/security', { kind: 'success', message: 'Email codes are off.' })
    }
  } catch (error) {
    if (!(error instanceof Throttled)) throw error
    return tooManyAttempts(error)
  }
}

export default function EmailCodes() {
  const { on, email } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const sent = searchParams.get('sent') === '1'
  return (
    <>
      <SecuritySubpageHeading title="Email codes" />
      <p className="muted">At sign-in we email a 6-digit code to {email}. It works once, for 10 minutes.</p>
      {on ? (
        <Form method="post">
          <p>
            <span className="badge badge--open badge--plain">On</span>
          </p>
          <button type="submit" name="intent" value="off" className="button button--danger">
            Turn email codes off
          </button>
        </Form>
      ) : (
        <Form method="post" className="stack">
          {sent ? (
            <>
              <p role="status">We sent a code to {email}. Enter it to turn email codes on.</p>
              <div className="field">
                <label htmlFor="email-code" className="field__label">
                  Code
                </label>
                <input
                  id="email-code"
                  name="code"
                  className="field__input"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                />
              </div>
            </>
          ) : null}
          <FormAlert errors={result?.error?.['']} />
          <div className="action-row">
            {sent ? (
              <button type="submit" name="intent" value="confirm" className="button button--primary">
                Turn on
              </button>
            ) : null}
            <button
              type="submit"
              name="intent"
              value="send"
              className={`button ${sent ? 'button--secondary' : 'button--primary'}`}
            >
              {sent ? 'Send a new code' : 'Send me a code'}
            </button>
          </div>
        </Form>
      )}
    </>
  )
}

import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { isEmailFactorOn } from '~/models/email-factors.server'
import { originOf } from '~/services/security/context'
import { maskEmail } from '~/services/security/email-codes.server'
import { confirmEmailFactor, startEmailFactor, stopEmailFactor } from '~/services/security/email-factor.server'
import { Throttled, tooManyAttemptsHeaders } from '~/services/security/throttle.server'
import { requireSession } from '~/http/auth.server'
import { readFormData } from '~/http/form-data.server'
import { requireEnrolmentCheck, requireStepUp } from '~/http/step-up.server'
import { redirectWithToast } from '~/http/toast.server'

export const meta: MetaFunction = () => [{ title: 'Email codes · Security · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireSession(request)
  return json({ on: await isEmailFactorOn(user.id), email: maskEmail(user.email) })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSession(request)
  const origin = originOf(request, context.clientIp)
  const form = await readFormData(request)
  const intent = form.get('intent')
  // Turning email codes on adds a factor: that needs one the account already had, or the password.
  if (intent === 'send' || intent === 'confirm')
    await requireEnrolmentCheck(request, session, '/settings/security/email-codes')
  try {
    if (intent === 'send') {
      await startEmailFactor(session.user.id, origin)
      return redirect('/settings/security/email-codes?sent=1')
    }
    if (intent === 'confirm') {
      if (await confirmEmailFactor(session.user.id, String(form.get('code') ?? ''), origin)) {
        return redirectWithToast('/settings/security', { kind: 'success', message: 'Email codes are on.' })
      }
      return json({ error: 'That code is not right, or it has expired. Check it, or send a new one.' }, { status: 400 })
    }
    if (intent === 'off') {
      requireStepUp(request, session, '/settings/security/email-codes')
      await stopEmailFactor(session.user.id, origin)
      return redirectWithToast('/settings/security', { kind: 'success', message: 'Email codes are off.' })
    }
  } catch (error) {
    if (!(error instanceof Throttled)) throw error
    return json({ error: error.message }, { status: 429, headers: tooManyAttemptsHeaders(error) })
  }
  throw new Response('Unknown action', { status: 400 })
}

export default function EmailCodes() {
  const { on, email } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const sent = searchParams.get('sent') === '1'
  return (
    <>
      <p>
        <Link to="/settings/security">← Security</Link>
      </p>
      <h2>Email codes</h2>
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
          {result?.error ? (
            <p role="alert" className="form-alert">
              {result.error}
            </p>
          ) : null}
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

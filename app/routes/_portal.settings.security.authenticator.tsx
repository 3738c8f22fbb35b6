import { bareIntents, parseIntent } from '~/http/intent.server'
import { refuseSignInChangeOnDemoAccount } from '~/http/demo-account.server'
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { SecuritySubpageHeading } from '~/components/security/security-subpage-heading'
import { Field } from '~/components/ui/field'
import { originOf } from '~/services/security/context'
import { ConfirmCodeSchema } from '~/services/security/factor-schemas'
import {
  cancelTotpSetup,
  confirmTotpSetup,
  startTotpSetup,
  totpStateOf,
  turnTotpOff,
} from '~/services/security/totp.server'
import { requireSession } from '~/http/auth.server'
import { formatDateTime } from '~/utils/format'
import { readFormData } from '~/http/form-data.server'
import { requireEnrolmentCheck, requireStepUp } from '~/http/step-up.server'
import { redirectWithToast } from '~/http/toast.server'
import { IntentButtonForm } from '~/components/ui/intent-button-form'
import { SubmitButton } from '~/components/ui/submit-button'
import { useZodForm } from '~/components/ui/use-zod-form'
import { ConfirmCodeConstraint } from '~/components/ui/form-constraints/confirm-code'

const PATH = '/settings/security/authenticator'

export const meta: MetaFunction = () => [{ title: 'Authenticator app · Security · Settings · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireSession(request)
  const totp = await totpStateOf(user)
  // The secret is on the page only while set-up is unfinished; it never leaves the server afterwards.
  return json(totp, { headers: { 'Cache-Control': 'no-store' } })
}

const IntentSchema = /* @__PURE__ */ bareIntents('start', 'confirm', 'cancel', 'turn-off')

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSession(request)
  await refuseSignInChangeOnDemoAccount(session.user.id)
  const { user } = session
  const formData = await readFormData(request)
  const origin = originOf(request, context.clientIp)
  switch (parseIntent(formData, IntentSchema).intent) {
    case 'start': {
      // Adding a factor needs one the account already had (or, for a first one, the password).
      await requireEnrolmentCheck(request, session, PATH)
      if (!(await startTotpSetup(user.id))) {
        return redirectWithToast(PATH, { kind: 'info', message: 'Your authenticator app is already on.' })
      }
      return redirectWithToast(PATH, {
        kind: 'info',
        message: 'Scan the QR code with your app, then enter the code it shows.',
      })
    }
    case 'confirm': {
      const submission = parseWithZod(formData, { schema: ConfirmCodeSchema })
      if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
      await requireEnrolmentCheck(request, session, PATH)
      if (!(await confirmTotpSetup(user.id, submission.value.code, origin))) {
        const message =
          'That code is not right. Check the time on your phone is set automatically, and enter the newest code.'
        return json(submission.reply({ fieldErrors: { code: [message] } }), { status: 400 })
      }
      return redirectWithToast(PATH, {
        kind: 'success',
        message: 'Your authenticator app is on. We will ask for its code when you sign in.',
      })
    }
    case 'cancel': {
      await cancelTotpSetup(user.id)
      return redirectWithToast(PATH, {
        kind: 'info',
        message: 'Set-up cancelled. Remove MegiLance from your app if you added it.',
      })
    }
    case 'turn-off': {
      requireStepUp(request, session)
      if (!(await turnTotpOff(user.id, origin)))
        throw new Response('Your authenticator app is already off.', { status: 409 })
      return redirectWithToast(PATH, {
        kind: 'success',
        message: 'Your authenticator app is off. You can remove MegiLance from it.',
      })
    }
  }
}

export default function AuthenticatorSettings() {
  const totp = useLoaderData<typeof loader>()
  return (
    <>
      <SecuritySubpageHeading title="Authenticator app" />
      {totp.state === 'on' ? (
        <>
          <p>
            <span className="badge badge--open badge--plain">On</span> since {formatDateTime(totp.since)}. When you sign
            in, we ask for the 6-digit code your app shows.
          </p>
          <p className="muted">Moving to a new phone? Turn the app off here, then set it up again on the new phone.</p>
          <IntentButtonForm intent="turn-off" className="button button--danger">
            Turn off
          </IntentButtonForm>
        </>
      ) : totp.state === 'pending' ? (
        <ConfirmSetup qrSvg={totp.qrSvg} groupedSecret={totp.groupedSecret} />
      ) : (
        <>
          <p>
            An app on your phone, such as Google Authenticator, Microsoft Authenticator, 1Password or Aegis, shows a new
            6-digit code every 30 seconds. With it on, signing in needs your password and that code, so a stolen
            password is not enough.
          </p>
          <IntentButtonForm intent="start" className="button button--primary">
            Set up an authenticator app
          </IntentButtonForm>
        </>
      )}
    </>
  )
}

function ConfirmSetup({ qrSvg, groupedSecret }: { qrSvg: string; groupedSecret: string }) {
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useZodForm(ConfirmCodeConstraint, { id: 'confirm-totp', lastResult })
  return (
    <>
      <ol className="form-stack">
        <li>
          <p>Open your authenticator app, add an account, and scan this QR code.</p>
          <figure aria-labelledby="totp-qr-caption">
            {/* Our own SVG, made on the server by the qrcode package from the otpauth:// link. */}
            <div dangerouslySetInnerHTML={{ __html: qrSvg }} />
            <figcaption id="totp-qr-caption" className="muted">
              QR code for your authenticator app
            </figcaption>
          </figure>
        </li>
        <li>
          <p>Cannot scan it? Choose to enter a key instead, and type this key. It is time-based.</p>
          <dl>
            <dt>Set-up key</dt>
            <dd>
              <code>{groupedSecret}</code>
            </dd>
          </dl>
        </li>
        <li>
          <p>Enter the 6-digit code the app now shows for MegiLance.</p>
          <Form method="post" {...getFormProps(form)} className="form-stack">
            <input type="hidden" name="intent" value="confirm" />
            <Field label="Code" meta={fields.code} inputMode="numeric" autoComplete="one-time-code" maxLength={7} />
            <SubmitButton>Turn on</SubmitButton>
          </Form>
        </li>
      </ol>
      <IntentButtonForm intent="cancel" className="button button--ghost">
        Cancel set-up
      </IntentButtonForm>
    </>
  )
}

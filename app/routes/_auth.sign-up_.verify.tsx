import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { finishSignUp, readDemoSignUpEmail, readPendingSignUp } from '~/services/accounts/sign-up.server'
import { signInNewAccount } from '~/services/security/sign-in.server'
import { PORTAL_HOME, requireAnonymous } from '~/http/auth.server'
import { readFormData } from '~/http/form-data.server'
import { redirectWithToast } from '~/http/toast.server'
import { CodeField } from '~/components/security/code-field'
import { SubmitButton } from '~/components/ui/submit-button'
import { AlertMessage } from '~/components/ui/alert-message'
import { DemoEmail } from '~/components/security/demo-email'
import { keepRedirectTo } from '~/utils/keep-redirect-to'
import { safeRedirect } from '~/utils/safe-redirect'

export const meta: MetaFunction = () => [{ title: 'Check your email · MegiLance' }]

async function requirePendingSignUp(request: Request) {
  await requireAnonymous(request)
  const pending = await readPendingSignUp(request)
  if (!pending)
    throw await redirectWithToast('/sign-up', {
      kind: 'info',
      message: 'That sign-up has expired. Please start again.',
    })
  return pending
}

export async function loader({ request }: LoaderFunctionArgs) {
  const pending = await requirePendingSignUp(request)
  return json({ email: pending.email, demoEmail: await readDemoSignUpEmail(pending) })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const pending = await requirePendingSignUp(request)
  const formData = await readFormData(request)
  const code = String(formData.get('code') ?? '').trim()
  if (!/^\d{6}$/.test(code)) return json({ error: 'Enter the 6-digit code from the email.' }, { status: 400 })
  const result = await finishSignUp(pending.id, code)
  if (!result.ok) return json({ error: result.message }, { status: 400 })
  const headers = await signInNewAccount(result.user, request, context.clientIp)
  return redirectWithToast(
    safeRedirect(formData.get('redirectTo'), PORTAL_HOME[result.user.role]),
    { kind: 'success', message: `Welcome to MegiLance, ${result.user.name}. Your account is ready.` },
    { headers: [...headers, ['Set-Cookie', result.clearCookie]] },
  )
}

export default function SignUpVerify() {
  const { email, demoEmail } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const redirectTo = useSearchParams()[0].get('redirectTo')
  return (
    <>
      <h1>Check your email</h1>
      <p>
        We sent a 6-digit code to <strong>{email}</strong>. Enter it to finish creating your account. If this address
        already has an account, the email says so instead.
      </p>
      {demoEmail ? <DemoEmail text={demoEmail} /> : null}
      <Form method="post" className="stack">
        <input type="hidden" name="redirectTo" value={redirectTo ?? ''} />
        <CodeField id="sign-up-code" errorId="sign-up-code-error" error={Boolean(result?.error)} pattern="\d{6}" />
        <AlertMessage id="sign-up-code-error" message={result?.error} />
        <SubmitButton block disabled={busy}>
          Create account
        </SubmitButton>
      </Form>
      <p className="auth-card__alt">
        Wrong address or no email? <Link to={keepRedirectTo('/sign-up', redirectTo)}>Start again</Link>
      </p>
    </>
  )
}

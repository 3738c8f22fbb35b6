import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react'
import { Field } from '~/components/ui/field'
import { FormAlert } from '~/components/ui/form-alert'
import { statusOf } from '~/http/outcome-response.server'
import { tooManyAttempts } from '~/http/too-many-attempts.server'
import { SignInSchema } from '~/services/accounts/schemas'
import { signInWithPassword } from '~/services/security/sign-in.server'
import { Throttled } from '~/services/security/throttle.server'
import { anonymousOnlyLoader, authenticator, PORTAL_HOME, requireAnonymous } from '~/http/auth.server'
import { safeRedirect } from '~/utils/safe-redirect'
import { keepRedirectTo } from '~/utils/keep-redirect-to'
import { redirectWithToast } from '~/http/toast.server'
import { readFormData } from '~/http/form-data.server'
import { SubmitButton } from '~/components/ui/submit-button'
import { useZodForm } from '~/components/ui/use-zod-form'
import { SignInConstraint } from '~/components/ui/form-constraints/sign-in'
import { keepRetryAfter } from '~/http/retry-after-headers.server'
import { BLOCKED_SIGN_IN_FLAG } from '~/domain/blocked-account'

/** A 429 answer to the form keeps its Retry-After in the page, with JavaScript or without. */
export const headers = keepRetryAfter

export const meta: MetaFunction = () => [{ title: 'Sign in · MegiLance' }]

export const loader = anonymousOnlyLoader

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request)
  const submission = parseWithZod(await readFormData(request.clone()), { schema: SignInSchema })
  if (submission.status !== 'success') {
    return json(submission.reply({ hideFields: ['password'] }), { status: 400 })
  }
  const redirectTo = submission.value.redirectTo ?? null
  try {
    const step = await signInWithPassword(
      request,
      context.clientIp,
      { email: submission.value.email, redirectTo },
      () => authenticator.authenticate('password', request),
    )
    if (step.kind === 'refused') {
      const reply = submission.reply({ formErrors: [step.message], hideFields: ['password'] })
      // A blocked account is told how to ask for a second look, not only why (PRODUCT.md: every block with its reason).
      return json(
        { ...reply, blocked: step.blocked ?? false },
        {
          status: statusOf(step),
          headers: step.headers,
        },
      )
    }
    if (step.kind === 'second-factor') {
      const sent = step.codeSentBy ? `?${new URLSearchParams({ method: step.codeSentBy, sent: step.codeSentBy })}` : ''
      return redirect(`/sign-in/verify${sent}`, { headers: step.headers })
    }
    return redirectWithToast(
      safeRedirect(redirectTo, PORTAL_HOME[step.user.role]),
      { kind: 'success', message: `Signed in as ${step.user.email}.` },
      { headers: step.headers },
    )
  } catch (error) {
    if (!(error instanceof Throttled)) throw error
    return tooManyAttempts(error, (formErrors) => submission.reply({ formErrors, hideFields: ['password'] }))
  }
}

export default function SignIn() {
  const lastResult = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const [form, fields] = useZodForm(SignInConstraint, { id: 'sign-in', lastResult })
  const redirectTo = searchParams.get('redirectTo')
  return (
    <>
      <h1>Sign in</h1>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={redirectTo ?? ''} />
        <Field label="Email" meta={fields.email} type="email" autoComplete="email" />
        <Field label="Password" meta={fields.password} type="password" autoComplete="current-password" />
        <FormAlert id={form.errorId} errors={form.errors} form={form} />
        {(lastResult && 'blocked' in lastResult && lastResult.blocked) ||
        (!lastResult && searchParams.has(BLOCKED_SIGN_IN_FLAG)) ? (
          <BlockedAccountHelp />
        ) : null}
        <SubmitButton block>Sign in</SubmitButton>
      </Form>
      <p className="auth-card__alt">
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <p className="auth-card__alt">
        New to MegiLance? <Link to={keepRedirectTo('/sign-up', redirectTo)}>Create an account</Link>
      </p>
    </>
  )
}

/** Where a blocked member turns: the contact form, open at the account topic, answered by email. */
function BlockedAccountHelp() {
  return (
    <p className="field__hint">
      If you think this is a mistake, or it has been put right, tell us through the{' '}
      <Link to="/help/contact?topic=account">contact form</Link> (or reply to the email we sent you): an administrator
      reads it and answers by email. Meanwhile your contracts and the money in their escrow follow the usual rules: the
      other side can still end a contract or open a dispute.
    </p>
  )
}

import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { SecondFactorChallengeForm } from '~/components/security/second-factor-challenge'
import { completePendingSignIn, readPendingSignIn, signInOrigin } from '~/services/security/sign-in.server'
import { PORTAL_HOME, requireAnonymous } from '~/http/auth.server'
import { safeRedirect } from '~/utils/safe-redirect'
import { loadSecondFactorChallenge, submitSecondFactorChallenge } from '~/http/second-factor-challenge.server'
import { redirectWithToast } from '~/http/toast.server'
import { keepRetryAfter } from '~/http/retry-after-headers.server'

/** A 429 answer to the form keeps its Retry-After in the page, with JavaScript or without. */
export const headers = keepRetryAfter

export const meta: MetaFunction = () => [{ title: 'Confirm it is you · MegiLance' }]

async function requirePendingSignIn(request: Request) {
  await requireAnonymous(request)
  const pending = await readPendingSignIn(request)
  if (!pending) {
    throw await redirectWithToast('/sign-in', {
      kind: 'info',
      message: 'That sign-in has expired. Please sign in again.',
    })
  }
  return pending
}

export async function loader({ request }: LoaderFunctionArgs) {
  const pending = await requirePendingSignIn(request)
  return json(await loadSecondFactorChallenge(pending.userId, new URL(request.url), 'sign-in'))
}

export async function action({ request, context }: ActionFunctionArgs) {
  const pending = await requirePendingSignIn(request)
  const signedInFrom = await signInOrigin(request, context.clientIp)
  const outcome = await submitSecondFactorChallenge(
    request,
    pending.userId,
    signedInFrom.origin,
    pending.pendingId,
    'sign-in',
  )
  if (outcome instanceof Response) return outcome
  const done = await completePendingSignIn(pending, request, signedInFrom, { factorEstablished: outcome.established })
  if (!done) throw redirect('/sign-in')
  return redirectWithToast(
    safeRedirect(pending.redirectTo, PORTAL_HOME[done.user.role]),
    { kind: 'success', message: `Signed in as ${done.user.email}.` },
    { headers: done.headers },
  )
}

export default function SignInVerify() {
  const data = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <h1>Confirm it is you</h1>
      <p className="muted">Your password was right. One more step keeps your account safe.</p>
      <SecondFactorChallengeForm {...data} lastResult={lastResult} pathname={useLocation().pathname} />
      <p className="auth-card__alt">
        <Link to="/sign-in">Cancel and start again</Link>
      </p>
    </>
  )
}

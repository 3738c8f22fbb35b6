import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { useActionData, useLoaderData, useLocation, useSearchParams } from '@remix-run/react'
import { SecondFactorChallengeForm } from '~/components/security/second-factor-challenge'
import { originOf } from '~/services/security/context'
import { recordStepUp } from '~/services/security/step-up.server'
import { requireSession } from '~/http/auth.server'
import { loadSecondFactorChallenge, submitSecondFactorChallenge } from '~/http/second-factor-challenge.server'
import { returnAfterConfirming } from '~/http/step-up.server'
import { readDemoMail } from '~/services/email/demo-mailbox.server'
import { DemoEmail } from '~/components/security/demo-email'
import { MINUTE_MS } from '~/domain/durations'
import { keepRetryAfter } from '~/http/retry-after-headers.server'

/** A 429 answer to the form keeps its Retry-After in the page, with JavaScript or without. */
export const headers = keepRetryAfter

export const meta: MetaFunction = () => [{ title: 'Confirm it is you · Settings · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireSession(request)
  const challenge = await loadSecondFactorChallenge(user.id, new URL(request.url), 'step-up')
  const emailed = challenge.chosen.method === 'email' && challenge.sent === 'email'
  const demoEmail = emailed
    ? await readDemoMail(user.email, ['security_code'], new Date(Date.now() - 10 * MINUTE_MS))
    : null
  return json({ ...challenge, demoEmail })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, sessionId } = await requireSession(request)
  const outcome = await submitSecondFactorChallenge(
    request,
    user.id,
    originOf(request, context.clientIp),
    sessionId,
    'step-up',
  )
  if (outcome instanceof Response) return outcome
  await recordStepUp({ sessionId })
  return returnAfterConfirming(
    request,
    'Confirmed. For the next 10 minutes you can make security changes without confirming again.',
  )
}

export default function StepUp() {
  const { demoEmail, ...data } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const redirectTo = searchParams.get('redirectTo')
  return (
    <>
      <h2>Confirm it is you</h2>
      <p className="muted">This change needs a second factor from the last 10 minutes.</p>
      {demoEmail ? <DemoEmail text={demoEmail} /> : null}
      <SecondFactorChallengeForm
        {...data}
        lastResult={lastResult}
        pathname={useLocation().pathname}
        extraParams={redirectTo ? { redirectTo } : {}}
      />
    </>
  )
}

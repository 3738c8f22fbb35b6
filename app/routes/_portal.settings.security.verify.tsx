import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { useActionData, useLoaderData, useLocation, useSearchParams } from '@remix-run/react'
import { SecondFactorChallengeForm } from '~/components/security/second-factor-challenge'
import { originOf } from '~/services/security/context'
import { recordStepUp } from '~/services/security/step-up.server'
import { factorsNotYetTrustedOf } from '~/services/security/second-factor.server'
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
  return json({ ...challenge, demoEmail, notYetTrusted: await factorsNotYetTrustedOf(user.id) })
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
  const { demoEmail, notYetTrusted, ...data } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const redirectTo = searchParams.get('redirectTo')
  const several = notYetTrusted.length > 1 || Boolean(notYetTrusted[0]?.endsWith('codes'))
  return (
    <>
      <h2>Confirm it is you</h2>
      <p className="muted">This change needs a second factor from the last 10 minutes.</p>
      {notYetTrusted.length ? (
        <p>
          Your {inWords(notYetTrusted)} {several ? 'were' : 'was'} added less than a day ago, so{' '}
          {several ? 'they' : 'it'} cannot confirm changes yet: someone who got into your account and added a factor
          could not use it to lock you out. Until then, confirm another way below.
        </p>
      ) : null}
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

/** "authenticator app", "authenticator app and passkey": the nouns as a phrase. */
function inWords(nouns: string[]): string {
  return nouns.length > 1 ? `${nouns.slice(0, -1).join(', ')} and ${nouns.at(-1)}` : (nouns[0] ?? '')
}

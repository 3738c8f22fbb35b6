import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useLocation, useSearchParams } from '@remix-run/react'
import { SecondFactorChallengeForm } from '~/components/security/second-factor-challenge'
import { originOf } from '~/services/security/context'
import { recordStepUp } from '~/services/security/step-up.server'
import { requireSession } from '~/http/auth.server'
import { loadSecondFactorChallenge, submitSecondFactorChallenge } from '~/http/second-factor-challenge.server'
import { returnAfterConfirming } from '~/http/step-up.server'

export const meta: MetaFunction = () => [{ title: 'Confirm it is you · Settings · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireSession(request)
  return json(await loadSecondFactorChallenge(user.id, new URL(request.url), 'step-up'))
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
  const data = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const redirectTo = searchParams.get('redirectTo')
  return (
    <>
      <h2>Confirm it is you</h2>
      <p className="muted">This change needs a second factor from the last 10 minutes.</p>
      <SecondFactorChallengeForm
        {...data}
        lastResult={lastResult}
        pathname={useLocation().pathname}
        extraParams={redirectTo ? { redirectTo } : {}}
      />
    </>
  )
}

import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { useLoaderData } from '@remix-run/react'
import { IntentButtonForm } from '~/components/ui/intent-button-form'
import { SessionIntentSchema } from '~/services/accounts/schemas'
import { listDevicesOf, revokeOtherSessions, revokeSession } from '~/services/accounts/sessions.server'
import { originOf } from '~/services/security/context'
import { requireSession } from '~/http/auth.server'
import { formatDateTime } from '~/utils/format'
import { readFormData } from '~/http/form-data.server'
import { redirectWithToast } from '~/http/toast.server'
import { parseIntent } from '~/http/intent.server'

export const meta: MetaFunction = () => [{ title: 'Sessions · Settings · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { sessionId, user } = await requireSession(request)
  return json({ devices: await listDevicesOf(user.id, sessionId) })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { sessionId, user } = await requireSession(request)
  const form = parseIntent(await readFormData(request), SessionIntentSchema)
  if (form.intent === 'revoke') {
    const target = form.sessionId
    if (target === sessionId) throw new Response('To end this browser’s session, sign out.', { status: 400 })
    const revoked = await revokeSession(user.id, target, originOf(request, context.clientIp))
    if (!revoked) throw new Response('That session has already ended.', { status: 404 })
    return redirectWithToast('/settings/sessions', { kind: 'success', message: 'That browser is signed out.' })
  }
  await revokeOtherSessions(user.id, sessionId, originOf(request, context.clientIp))
  return redirectWithToast('/settings/sessions', { kind: 'success', message: 'Every other browser is signed out.' })
}

export default function SessionsSettings() {
  const { devices } = useLoaderData<typeof loader>()
  const others = devices.filter((device) => !device.current)
  return (
    <>
      <h2>Where you are signed in</h2>
      <p className="muted">
        Each browser that is signed in to your account. If you do not recognise one, sign it out and change your
        password.
      </p>
      <ul className="list" aria-label="Signed-in browsers">
        {devices.map((device) => (
          <li key={device.id} aria-label={`${device.browser} on ${device.os}${device.current ? ', this browser' : ''}`}>
            <p>
              <strong>
                {device.browser} on {device.os}
              </strong>{' '}
              <span className="muted">· {device.kind}</span>
              {device.current ? (
                <>
                  {' '}
                  <span className="badge badge--open badge--plain">This browser</span>
                </>
              ) : null}
            </p>
            <p className="muted">
              IP {device.ip ?? 'unknown'} · approximate location: {device.location} · signed in{' '}
              {formatDateTime(device.signedInAt)} · last active {formatDateTime(device.lastSeenAt)}
            </p>
            {device.current ? null : (
              <IntentButtonForm intent="revoke" record={{ name: 'sessionId', value: device.id }}>
                Sign out this browser
              </IntentButtonForm>
            )}
          </li>
        ))}
      </ul>
      {others.length ? (
        <IntentButtonForm intent="revoke-others" className="button button--danger">
          Sign out all other browsers
        </IntentButtonForm>
      ) : null}
    </>
  )
}

import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useLoaderData } from '@remix-run/react'
import { ChoosingAMethod } from '~/components/security/choosing-a-method'
import { METHOD_PAGES } from '~/components/security/method-pages'
import { enabledMethodsOf } from '~/services/security/second-factor.server'
import { requireUser } from '~/http/auth.server'

export const meta: MetaFunction = () => [{ title: 'Security · Settings · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return json({ enabled: await enabledMethodsOf(user.id) })
}

export default function SecuritySettings() {
  const { enabled } = useLoaderData<typeof loader>()
  const on = new Set(enabled)
  return (
    <>
      <h2>Second factors</h2>
      <p className="muted">
        {enabled.length
          ? 'After your password, sign-in asks for one of the methods that are on.'
          : 'None is on yet. Turn one on so a stolen password alone cannot open your account. Until then, unusual sign-ins are confirmed with a code sent to your email.'}
      </p>
      <ChoosingAMethod open={!enabled.length} />
      <ul className="list security-methods" aria-label="Second-factor methods">
        {METHOD_PAGES.map((page) => (
          <li key={page.method}>
            <div>
              <strong>{page.title}</strong>{' '}
              <span className={`badge badge--plain ${on.has(page.method) ? 'badge--open' : ''}`}>
                {on.has(page.method) ? 'On' : 'Off'}
              </span>
              <p className="muted">{page.about}</p>
            </div>
            <Link to={page.to} className="button button--secondary" aria-label={`Manage ${page.title.toLowerCase()}`}>
              Manage
            </Link>
          </li>
        ))}
      </ul>
      <h2>More protection</h2>
      <ul className="link-list">
        <li>
          <Link to="/settings/security/log">Security log</Link> — sign-ins, refusals and changes to your account, with
          their risk checks.
        </li>
        <li>
          <Link to="/settings/sessions">Sessions</Link> — every browser signed in to your account.
        </li>
        <li>
          <Link to="/settings/security/allowlist">IP allowlist</Link> — allow sign-in only from your own networks.
        </li>
      </ul>
    </>
  )
}

import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useLoaderData } from '@remix-run/react'
import { SecurityEventList } from '~/components/security/security-event-list'
import { SecuritySubpageHeading } from '~/components/security/security-subpage-heading'
import { Pagination } from '~/components/ui/pagination'
import { SECURITY_LOG_PAGE_SIZE, securityLogOf } from '~/services/security/security-log.server'
import { requireSession } from '~/http/auth.server'

export const meta: MetaFunction = () => [{ title: 'Security log · Settings · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireSession(request)
  const pageParam = Number(new URL(request.url).searchParams.get('page'))
  const page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 10_000 ? pageParam : 1
  const { entries, total } = await securityLogOf(user.id, page)
  return json({ entries, total, page, pageSize: SECURITY_LOG_PAGE_SIZE, role: user.role })
}

export default function SecurityLog() {
  const { entries, total, page, pageSize, role } = useLoaderData<typeof loader>()
  return (
    <>
      <SecuritySubpageHeading title="Security log" />
      <p className="muted">
        Sign-ins, changes to how you sign in{role === 'freelancer' ? ' or where you are paid' : ''}, and signed-out
        browsers on your account, newest first. If something here was not you,{' '}
        <Link to="/settings/password">change your password</Link> and{' '}
        <Link to="/settings/sessions">sign out other browsers</Link>
        {role === 'freelancer' ? (
          <>
            , and remove any <Link to="/payouts/methods">payout method</Link> that is not yours
          </>
        ) : null}
        .
      </p>
      <p className="muted">
        How serious each line is: Low is routine. Medium is worth a look if it was not you (a new device, a wrong code,
        a method added). High and Critical change who can get in or where money goes, and we email you about them.
      </p>
      <SecurityEventList entries={entries} empty="Nothing has happened on your account yet." />
      <Pagination page={page} pageSize={pageSize} total={total} />
    </>
  )
}

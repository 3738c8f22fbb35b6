import { Form, Link } from '@remix-run/react'
import type { SessionUser } from '~/models/users.server'

const PORTAL_HOME = { client: '/client', freelancer: '/freelancer', admin: '/admin' } as const

type AccountLinks = { signIn: string; signUp: string }

export function SiteHeader({ user, accountLinks }: { user: SessionUser | null; accountLinks: AccountLinks | null }) {
  return (
    <header className="site-header">
      <Link to={user ? PORTAL_HOME[user.role] : '/'} className="brand" aria-label="MegiLance home">
        <span className="brand__mark" aria-hidden="true">
          M
        </span>
        <span className="brand__name">MegiLance</span>
      </Link>
      <nav aria-label="Account" className="site-header__account">
        <Link to="/help" className="button button--ghost site-header__help">
          Help
        </Link>
        {user ? (
          <>
            <span className="site-header__who">
              <span className="visually-hidden">Signed in as </span>
              {user.name}
            </span>
            <Form method="post" action="/sign-out">
              <button type="submit" className="button button--ghost">
                Sign out
              </button>
            </Form>
          </>
        ) : (
          <>
            <Link to="/projects" className="button button--ghost">
              Find work
            </Link>
            <Link to="/freelancers" className="button button--ghost site-header__talent">
              Find talent
            </Link>
            <Link to={accountLinks?.signIn ?? '/sign-in'} className="button button--ghost">
              Sign in
            </Link>
            <Link to={accountLinks?.signUp ?? '/sign-up'} className="button button--primary">
              Sign up
            </Link>
          </>
        )}
      </nav>
    </header>
  )
}

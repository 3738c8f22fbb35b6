import { Outlet } from '@remix-run/react'

/** Sign-in, sign-up and reset share one centred card. */
export default function AuthLayout() {
  return (
    <main id="main" className="page page--auth">
      <div className="card auth-card">
        <Outlet />
      </div>
    </main>
  )
}

import { isRouteErrorResponse, Link, useRouteError, useRouteLoaderData } from '@remix-run/react'

const TITLES: Record<number, string> = {
  400: 'That request could not be understood',
  403: 'You do not have access to this page',
  404: 'We could not find that page',
  409: 'That cannot be done right now',
  413: 'That is more than we accept',
  429: 'Too many attempts',
}

const NOT_FOUND_DETAIL =
  'Nothing is at this address, or it is not open to you. Check the address for a typo, or start again from the home page.'

/** One look for every error status, rendered inside the layout. */
export function GeneralErrorBoundary() {
  const error = useRouteError()
  const status = isRouteErrorResponse(error) ? error.status : 500
  // The router's own answers (no route, no action) carry its internal wording: not for members.
  const ours = isRouteErrorResponse(error) && !(error as { internal?: boolean }).internal
  // A bare "Not found" (the default of many loaders) tells a visitor nothing they can act on.
  const said = ours && typeof error.data === 'string' && error.data !== 'Not found' ? error.data : null
  const detail = said ?? (status === 404 ? NOT_FOUND_DETAIL : null)
  const title = TITLES[status] ?? 'Something went wrong on our side'
  // The page request's id, which its log lines carry: a person quotes it, an admin greps for it.
  const requestId = (useRouteLoaderData('root') as { requestId?: string | null } | undefined)?.requestId
  return (
    <section className="error-panel" aria-labelledby="error-title">
      <p className="error-panel__status">Error {status}</p>
      <h1 id="error-title">{title}</h1>
      {detail ? <p>{detail}</p> : null}
      {status === 500 ? <p>The problem has been logged. Please try again in a moment.</p> : null}
      {requestId ? (
        <p className="muted">
          Reference <code>{requestId}</code>: quote it if you contact support.
        </p>
      ) : null}
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </section>
  )
}

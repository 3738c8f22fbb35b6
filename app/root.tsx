// Must stay the first import: it configures zod before any schema is built.
import '~/utils/zod-config'
import { type LinksFunction, type MetaFunction } from '@remix-run/node'
import { keepRetryAfter, rootLoader } from '~/http/root-loader.server'
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  type ShouldRevalidateFunction,
  useLocation,
  useRouteLoaderData,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import { DemoBanner } from '~/components/demo-banner'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { SiteFooter } from '~/components/site-footer'
import { SiteHeader } from '~/components/site-header'
import { useFollowPlainLinks } from '~/components/ui/follow-plain-links'
import { ToastBanner } from '~/components/toast-banner'
import appStyles from '~/styles/app.css'
import { useNonce } from '~/utils/nonce'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: appStyles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = () => [
  { title: 'MegiLance — freelancing with fees you can see' },
  {
    name: 'description',
    content:
      'Hire freelancers or find work with one published fee, escrow for every milestone and rankings you can check.',
  },
]

// The loader lives in a server module of its own: every server module a route imports leaves an empty
// stand-in chunk in the browser's bundle (about 110 bytes and a request each), so the root imports one.
export const loader = rootLoader

/**
 * A 429 thrown to an error boundary (not answered by a form) keeps its Retry-After in the HTML
 * document: Remix gives a thrown answer's headers only to the `headers` of the route whose boundary
 * renders it, and keeps nothing but cookies where a route has none. The root is that route for
 * pages outside a layout with a boundary; the layouts with one (_portal, _browse) re-export this.
 */
export const headers = keepRetryAfter

/**
 * The root answers the portal menu, whose counts (unread notifications…) stay current as the user
 * moves between pages: besides Remix's own reasons (after an action, a changed query), a new page.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  defaultShouldRevalidate || currentUrl.pathname !== nextUrl.pathname

export function useRootData() {
  return useRouteLoaderData<typeof loader>('root')
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce()
  const data = useRootData()
  const location = useLocation()
  const followPlainLinks = useFollowPlainLinks()
  const theme = data?.theme ?? 'system'
  return (
    <html lang="en" data-theme={theme}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content={theme === 'system' ? 'light dark' : theme} />
        <Meta />
        <Links />
      </head>
      {/* Delegates the page's plain links' clicks (`PlainLink`); the links themselves are focusable and keyboard-operable. */}
      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions */}
      <body onClick={followPlainLinks}>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {data?.demo ? <DemoBanner /> : null}
        <SiteHeader user={data?.user ?? null} accountLinks={data?.accountLinks ?? null} />
        {data?.toast ? <ToastBanner key={data.toast.id} toast={data.toast} /> : null}
        {children}
        <SiteFooter
          theme={theme}
          feePercent={data?.feePercent ?? 10}
          returnTo={`${location.pathname}${location.search}`}
        />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  return (
    <main id="main" className="page page--narrow">
      <GeneralErrorBoundary />
    </main>
  )
}

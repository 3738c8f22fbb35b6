import type { LoaderFunctionArgs } from '@remix-run/node'
import { json } from '~/http/json.server'
import { accountLinks } from '~/http/account-links.server'
import { getOptionalSession } from '~/http/auth.server'
import { renewLegacySessionCookie } from '~/services/accounts/sessions.server'
import { loadPageMenu } from '~/http/page-menu.server'
import { adminStepUpHref } from '~/http/step-up.server'
import { readTheme } from '~/http/theme.server'
import { popToast } from '~/http/toast.server'
import { platformFeePercent } from '~/services/payments/ledger/escrow.server'
import { getEnv } from '~/utils/env.server'

// The root's and the layouts' `headers` (see root.tsx): from this one server module, as the root's
// loader is, since each server module a route imports leaves an empty stand-in chunk in the browser.
export { keepRetryAfter } from '~/http/retry-after-headers.server'

/** What every page's root knows: who is signed in, their portal menu, the theme, a toast, the fee. */
export async function rootLoader({ request, context }: LoaderFunctionArgs) {
  const [session, theme, { toast, setCookie }] = await Promise.all([
    getOptionalSession(request),
    readTheme(request),
    popToast(request),
  ])
  // The portal menu of a page framed by one (see _portal.tsx and _browse.tsx): here rather than in
  // the layouts' own loaders, so a portal page runs two loaders, not three.
  const menu = await loadPageMenu(request, session, context.menuFrame)
  const headers = new Headers()
  if (setCookie) headers.append('Set-Cookie', setCookie)
  if (session) for (const renewed of await renewLegacySessionCookie(request)) headers.append('Set-Cookie', renewed)
  return json(
    {
      user: session?.user ?? null,
      accountLinks: session ? null : accountLinks(new URL(request.url)),
      menu,
      // An admin page's link to confirm a second factor first, when the session's is over 10 minutes old.
      adminStepUpHref: adminStepUpHref(session, new URL(request.url)),
      theme,
      toast,
      feePercent: platformFeePercent(),
      demo: getEnv().DEMO,
      requestId: context.requestId ?? null,
    },
    { headers },
  )
}

import type { MenuFrame } from '~/load-context'
import type { ActiveSession } from '~/services/accounts/sessions.server'
import { loadPortalMenu } from '~/services/notifications/centre.server'
import { redirectToSignIn } from './auth.server'

/**
 * The portal menu of the page at `request` (role and counts, after the visit has read the
 * notifications about this page), answered by the root loader so that a portal page runs no loader
 * of its own layout. `frame` is the page's menu frame (context.menuFrame): on a `members` page a
 * visitor is sent to sign in, on an `everyone` page they see no menu, and a page outside both has none.
 */
export async function loadPageMenu(
  request: Request,
  session: ActiveSession | null,
  frame: MenuFrame | null | undefined,
) {
  if (!frame) return null
  if (!session) {
    if (frame === 'members') throw redirectToSignIn(request)
    return null
  }
  return loadPortalMenu(session.user, new URL(request.url).pathname)
}

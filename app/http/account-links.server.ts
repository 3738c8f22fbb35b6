import { keepRedirectTo } from '~/utils/keep-redirect-to'
import { safeRedirect } from '~/utils/safe-redirect'

/**
 * The header's "Sign in" and "Sign up" for a visitor: on a page reached with a `redirectTo` (sign-in
 * sent from a proposal form, say), both keep it, so switching between the two from the header still
 * lands the visitor where they were going. Computed here rather than in the header, which is in every
 * page's JavaScript.
 */
export function accountLinks(url: URL): { signIn: string; signUp: string } {
  const redirectTo = safeRedirect(url.searchParams.get('redirectTo'), '') || null
  return { signIn: keepRedirectTo('/sign-in', redirectTo), signUp: keepRedirectTo('/sign-up', redirectTo) }
}

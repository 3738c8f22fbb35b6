import { redirect } from '@remix-run/node'
import { Authenticator } from 'remix-auth'
import { FormStrategy } from 'remix-auth-form'
import type { Role } from '~/models/schema'
import type { SessionUser } from '~/models/users.server'
import { verifyCredentials } from '~/services/accounts/accounts.server'
import {
  endSession,
  readSession,
  SessionEndedByBlock,
  SessionRefusedForAddress,
  type ActiveSession,
} from '~/services/accounts/sessions.server'
import { redirectWithToast } from './toast.server'
import { ALLOWLIST_WAY_BACK } from '~/domain/allowlist-way-back'
import { BLOCKED_SIGN_IN_FLAG, blockedAccountMessage } from '~/domain/blocked-account'

export const authenticator = new Authenticator<SessionUser>()

authenticator.use(
  new FormStrategy(async ({ form }) => {
    const email = String(form.get('email') ?? '')
    const password = String(form.get('password') ?? '')
    return verifyCredentials(email, password)
  }),
  'password',
)

export const PORTAL_HOME: Record<Role, string> = { client: '/client', freelancer: '/freelancer', admin: '/admin' }

/**
 * The request's session, where a refusal for the request's address becomes its answer: a 403 page
 * for a blocked range, or sign-in saying why for an address outside the account's allowlist or a
 * blocked account (with the block's reason).
 */
async function sessionOf(request: Request): Promise<ActiveSession | null> {
  try {
    return await readSession(request)
  } catch (error) {
    if (error instanceof SessionEndedByBlock) {
      // The same words as the sign-in refusal, and the page shows how to contest the block.
      throw await redirectWithToast(
        `/sign-in?${BLOCKED_SIGN_IN_FLAG}`,
        { kind: 'error', message: `You were signed out. ${blockedAccountMessage(error.reason)}` },
        { headers: { 'Set-Cookie': await endSession(request) } },
      )
    }
    if (!(error instanceof SessionRefusedForAddress)) throw error
    const where = error.ip ? `your address (${error.ip})` : 'your address'
    if (error.reason === 'blocklist') {
      const message = `Requests from ${where} are blocked by MegiLance’s administrators, so your account cannot be used from this network. Your account itself is not blocked: you can use it from another network.`
      throw new Response(message, { status: 403, statusText: 'Forbidden' })
    }
    throw await redirectWithToast(
      '/sign-in',
      {
        kind: 'error',
        message: `You were signed out: your account only allows its own networks (its IP allowlist), and ${where} is not one of them. ${ALLOWLIST_WAY_BACK}`,
      },
      { headers: { 'Set-Cookie': await endSession(request) } },
    )
  }
}

export async function getOptionalSession(request: Request): Promise<ActiveSession | null> {
  return sessionOf(request)
}

/** The signed-in session, or a redirect to sign-in that comes back here afterwards. */
export async function requireSession(request: Request): Promise<ActiveSession> {
  const session = await sessionOf(request)
  if (session) return session
  throw redirectToSignIn(request)
}

/** To sign-in, coming back to this page afterwards. */
export function redirectToSignIn(request: Request): Response {
  const url = new URL(request.url)
  const params = new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` })
  return redirect(`/sign-in?${params}`)
}

export async function requireUser(request: Request): Promise<SessionUser> {
  return (await requireSession(request)).user
}

/** Wrong role is a 403, whatever links the page shows. */
export async function requireRole(request: Request, ...roles: Role[]): Promise<SessionUser> {
  return (await requireRoleSession(request, ...roles)).user
}

/** The signed-in session of one of these roles (403 for another role), for checks on the session itself. */
export async function requireRoleSession(request: Request, ...roles: Role[]): Promise<ActiveSession> {
  const session = await requireSession(request)
  if (!roles.includes(session.user.role)) {
    throw new Response(`This page is for ${roles.join(' or ')} accounts.`, { status: 403, statusText: 'Forbidden' })
  }
  return session
}

/**
 * Whether the signed-in session is the one the account's sign-up began: a newcomer's first visit,
 * which the dashboards greet as new. Read from the request's one session lookup (no query of its own).
 */
export async function startedAtSignUp(request: Request): Promise<boolean> {
  return (await sessionOf(request))?.startedAtSignUp ?? false
}

export async function requireAnonymous(request: Request): Promise<void> {
  const session = await sessionOf(request)
  if (session) throw redirect(PORTAL_HOME[session.user.role])
}

/** The loader of a page only for people not signed in (sign in, sign up, password reset): it reads nothing. */
export async function anonymousOnlyLoader({ request }: { request: Request }): Promise<null> {
  await requireAnonymous(request)
  return null
}

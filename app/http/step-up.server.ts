import { redirect } from '@remix-run/node'
import type { SessionUser } from '~/models/users.server'
import type { ActiveSession } from '~/services/accounts/sessions.server'
import { hasSecondFactor } from '~/services/security/second-factor.server'
import { enrolmentCheck, hasRecentSecondFactor } from '~/services/security/step-up'
import type { DraftFields } from '~/services/security/step-up-drafts'
import { keepFormDuringStepUp, takeFormKeptDuringStepUp } from '~/services/security/step-up-drafts.server'
import { safeRedirect } from '~/utils/safe-redirect'
import { getOptionalSession, requireRoleSession } from './auth.server'
import { redirectWithToast } from './toast.server'

const STEP_UP_PATH = '/settings/security/verify'
const CONFIRM_PASSWORD_PATH = '/settings/security/confirm-password'

/** The step-up page's address, coming back to `returnTo` once a second factor is confirmed. */
const stepUpHref = (returnTo: string) => `${STEP_UP_PATH}?${new URLSearchParams({ redirectTo: returnTo })}`

const backTo = (request: Request) => {
  const url = new URL(request.url)
  return `${url.pathname}${url.search}`
}

/**
 * For sensitive changes (password, factors, payout methods, large payouts): without a second
 * factor on this session in the last 10 minutes, sends the user to confirm one and back to
 * `returnTo` (by default the page the request came from).
 */
export function requireStepUp(request: Request, session: ActiveSession, returnTo?: string, now = new Date()): void {
  if (hasRecentSecondFactor(session.secondFactorAt, now)) return
  throw redirect(stepUpHref(returnTo ?? backTo(request)))
}

/**
 * For an admin's change to other people's accounts or money (blocks, sign-outs, payouts, projects,
 * IP lists, disputes, restoring an address): the admin role (else 403) and a second factor from the
 * last 10 minutes on this session, else through the step-up and back to `returnTo` (by default the
 * page the form was sent from). The admin pages say so before the form (see `adminStepUpHref`);
 * a `form` sent anyway is kept for that page to show again once confirmed (see `takeKeptAdminForm`).
 */
export async function requireAdminStepUp(
  request: Request,
  options: { returnTo?: string; form?: FormData } = {},
  now = new Date(),
): Promise<SessionUser> {
  const session = await requireRoleSession(request, 'admin')
  if (hasRecentSecondFactor(session.secondFactorAt, now)) return session.user
  const returnTo = options.returnTo ?? backTo(request)
  if (options.form) await keepFormDuringStepUp(session, pathOf(returnTo), options.form, now)
  throw redirect(stepUpHref(returnTo))
}

/**
 * For the page an admin came back to from the step-up: the form they had sent from it, addressed to
 * that form (`formIdOf` names it from the kept fields; useZodForm's `last`) so it shows filled in as
 * they left it, for them to send again. Once: a reload shows the form empty.
 */
export async function takeKeptAdminForm(
  request: Request,
  formIdOf: (fields: DraftFields) => string | null,
): Promise<{ formId: string; reply: { initialValue: DraftFields } } | null> {
  const session = await getOptionalSession(request)
  if (session?.user.role !== 'admin') return null
  const fields = await takeFormKeptDuringStepUp(session, new URL(request.url).pathname)
  const formId = fields && formIdOf(fields)
  return formId ? { formId, reply: { initialValue: fields } } : null
}

const pathOf = (returnTo: string) => new URL(returnTo, 'http://localhost').pathname

/** Pages where an admin makes such changes: their banner offers the step-up before anything is typed. */
const ADMIN_CHANGE_PAGES = /^\/(?:admin|disputes)(?:\/|$)/

/**
 * For the page at `url`: the step-up link (coming back here) an admin needs before making changes
 * on it, or null when their second factor is recent or the page is not one where admins change things.
 */
export function adminStepUpHref(session: ActiveSession | null, url: URL, now = new Date()): string | null {
  if (session?.user.role !== 'admin' || !ADMIN_CHANGE_PAGES.test(url.pathname)) return null
  const { confirmed, confirmHref } = stepUpState(session, `${url.pathname}${url.search}`, now)
  return confirmed ? null : confirmHref
}

/**
 * For a change the password confirms (typed in its own form) on an account without a second factor,
 * and a recent second factor too on one with: the email address. A code to the current address is
 * no proof there, since the change may be made because that mailbox is lost.
 */
export async function requireStepUpWhenFactor(request: Request, session: ActiveSession, now = new Date()) {
  if (await hasSecondFactor(session.user.id)) requireStepUp(request, session, undefined, now)
}

/**
 * For a page whose changes need a recent second factor: whether they may be made now, and where to
 * confirm one first (then back to `returnTo`). Asked before the form, so nothing typed is lost.
 */
export function stepUpState(session: ActiveSession, returnTo: string, now = new Date()) {
  return { confirmed: hasRecentSecondFactor(session.secondFactorAt, now), confirmHref: stepUpHref(returnTo) }
}

/**
 * Where to go before adding a second factor, or null when it may be added now: the step-up page
 * when the account has a factor (only one it had before counts), else re-entering the password.
 */
export async function enrolmentCheckHref(
  session: ActiveSession,
  returnTo: string,
  now = new Date(),
): Promise<string | null> {
  const check = enrolmentCheck(
    {
      hasFactor: await hasSecondFactor(session.user.id),
      secondFactorAt: session.secondFactorAt,
      passwordConfirmedAt: session.passwordConfirmedAt,
    },
    now,
  )
  if (check === 'ok') return null
  return `${check === 'password' ? CONFIRM_PASSWORD_PATH : STEP_UP_PATH}?${new URLSearchParams({ redirectTo: returnTo })}`
}

/** Adding a second factor: redirects to the check it needs first, then back to `returnTo`. */
export async function requireEnrolmentCheck(
  request: Request,
  session: ActiveSession,
  returnTo?: string,
  now = new Date(),
): Promise<void> {
  const href = await enrolmentCheckHref(session, returnTo ?? backTo(request), now)
  if (href) throw redirect(href)
}

/**
 * After confirming (a second factor or the password): back to the page that asked for it, its
 * `redirectTo` when that is a page of ours, else the security settings, saying `message`.
 */
export function returnAfterConfirming(request: Request, message: string) {
  const asked = new URL(request.url).searchParams.get('redirectTo')
  return redirectWithToast(safeRedirect(asked, '/settings/security'), { kind: 'success', message })
}

import { redirect } from '@remix-run/node'
import type { ActiveSession } from '~/services/accounts/sessions.server'
import { hasRecentSecondFactor } from '~/services/security/step-up'

export const STEP_UP_PATH = '/settings/security/verify'

/**
 * For sensitive changes (password, factors, payout methods, large payouts): without a second
 * factor on this session in the last 10 minutes, sends the user to confirm one and back to
 * `returnTo` (by default the page the request came from).
 */
export function requireRecentSecondFactor(request: Request, session: ActiveSession, returnTo?: string, now = new Date()): void {
  if (hasRecentSecondFactor(session.secondFactorAt, now)) return
  const url = new URL(request.url)
  const back = returnTo ?? `${url.pathname}${url.search}`
  throw redirect(`${STEP_UP_PATH}?${new URLSearchParams({ redirectTo: back })}`)
}

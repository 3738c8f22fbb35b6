import { isDemoAccount } from '~/models/demo-accounts.server'

/** Why a shared demo account's sign-in cannot be changed, said on its settings pages and refusals. */
export const DEMO_SIGN_IN_FIXED =
  'This is a shared demo account: its email address, password and sign-in checks stay as published, so that ' +
  'every visitor can sign in. Sign up for your own account to try these.'

/**
 * The demo accounts' password is published for every visitor: one visitor changing its email,
 * password, second factors or allowed networks would lock all the others out. Such a change is
 * refused (403) with the reason.
 */
export async function refuseSignInChangeOnDemoAccount(userId: string): Promise<void> {
  if (await isDemoAccount(userId)) throw new Response(DEMO_SIGN_IN_FIXED, { status: 403, statusText: 'Forbidden' })
}

/** The notice for a settings page of a demo account, or null. */
export async function demoSignInNotice(userId: string): Promise<string | null> {
  return (await isDemoAccount(userId)) ? DEMO_SIGN_IN_FIXED : null
}

/** What a blocked member is told, at sign-in and when a session they already had is signed out: the block and its reason. */
export function blockedAccountMessage(reason: string | null): string {
  return `This account is blocked. Reason given: ${reason ?? 'none'}`
}

/** The sign-in page's query flag that shows a blocked member where to ask for a second look. */
export const BLOCKED_SIGN_IN_FLAG = 'blocked'

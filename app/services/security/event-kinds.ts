import type { Severity } from '~/models/schema'

/** Every kind of security event, with the severity it is logged at and how it reads in the log. */
export const SECURITY_EVENT_KINDS = {
  sign_in_succeeded: { severity: 'low', label: 'Signed in' },
  sign_in_failed: { severity: 'medium', label: 'Sign-in failed' },
  new_device: { severity: 'medium', label: 'Signed in from a new device' },
  second_factor_passed: { severity: 'low', label: 'Second factor passed' },
  second_factor_failed: { severity: 'medium', label: 'Second factor failed' },
  second_factor_added: { severity: 'medium', label: 'Second factor added' },
  second_factor_removed: { severity: 'high', label: 'Second factor removed' },
  backup_codes_generated: { severity: 'medium', label: 'Backup codes generated' },
  backup_code_used: { severity: 'medium', label: 'Backup code used' },
  session_revoked: { severity: 'low', label: 'Session signed out' },
  password_changed: { severity: 'high', label: 'Password changed' },
  password_reset: { severity: 'high', label: 'Password reset by email code' },
  // Whoever moves the address away can reset the password from then on: the old address is told.
  email_changed: { severity: 'high', label: 'Email address changed' },
  // An admin moved the address back after a takeover: the account was signed out everywhere.
  email_restored: { severity: 'high', label: 'Email address restored by an administrator' },
  password_confirm_failed: { severity: 'medium', label: 'Password re-entry failed' },
  risk_refused: { severity: 'high', label: 'Sign-in refused by risk check' },
  blocklist_refused: { severity: 'high', label: 'Sign-in refused: blocked IP range' },
  allowlist_refused: { severity: 'high', label: 'Sign-in refused: outside the IP allowlist' },
  allowlist_changed: { severity: 'medium', label: 'IP allowlist changed' },
  // Support's answer to a member shut out by their own list; high, so the member is emailed.
  allowlist_cleared: { severity: 'high', label: 'IP allowlist turned off by an administrator' },
  // A signed-in session used from elsewhere: the allowlist signs it out, the blocklist refuses the request.
  session_outside_allowlist: { severity: 'high', label: 'Signed out: used outside the IP allowlist' },
  session_blocklisted: { severity: 'high', label: 'Request refused: blocked IP range' },
  // Logged on the admin's own account, saying what they did to whom: the admin audit trail.
  admin_action: { severity: 'low', label: 'Admin action' },
  // Where earnings go: whoever takes over an account adds their own, so the owner is emailed at once.
  payout_method_added: { severity: 'high', label: 'Payout method added' },
  payout_method_removed: { severity: 'medium', label: 'Payout method removed' },
  throttled: { severity: 'high', label: 'Too many failed attempts: slowed down' },
  account_blocked: { severity: 'critical', label: 'Account blocked by an administrator' },
} as const satisfies Record<string, { severity: Severity; label: string }>

export type SecurityEventKind = keyof typeof SECURITY_EVENT_KINDS

export function isSecurityEventKind(value: string): value is SecurityEventKind {
  return Object.hasOwn(SECURITY_EVENT_KINDS, value)
}

/** High and critical events, and every new device, are worth an email to the account owner. */
export function shouldEmailOwner(kind: SecurityEventKind, severity: Severity): boolean {
  return kind === 'new_device' || severity === 'high' || severity === 'critical'
}

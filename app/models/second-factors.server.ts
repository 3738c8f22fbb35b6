import { preparedStatement } from './prepared-query.server'

/**
 * Whether any second factor is on, in one statement: every dashboard load and every sign-in asks,
 * and asking each method in turn took six. Each line is one method's own test (services/security:
 * a confirmed authenticator app, a verified phone, email codes switched on, a passkey or security
 * key, an unused backup code); second-factor.server.test.ts checks that they agree.
 */
const anyFactor = preparedStatement<{ found: number }>(`
  select exists (select 1 from totp_factors where user_id = @userId and confirmed_at is not null)
    or exists (select 1 from sms_factors where user_id = @userId and verified_at is not null)
    or exists (select 1 from email_factors where user_id = @userId)
    or exists (select 1 from webauthn_credentials where user_id = @userId)
    or exists (select 1 from backup_codes where user_id = @userId and used_at is null) as found`)

export async function hasAnySecondFactor(userId: string): Promise<boolean> {
  return anyFactor().get({ userId })?.found === 1
}

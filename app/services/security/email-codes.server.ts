import { isEmailFactorOn } from '~/models/email-factors.server'
import { findUserById } from '~/models/users.server'
import { sendEmail } from '~/services/email/mailer.server'
import { oneTimeCodeEmail } from '~/services/email/templates'
import { CODE_MINUTES, issueOneTimeCode, redeemOneTimeCode } from './one-time-codes.server'
import type { SecondFactorProvider } from './second-factor-provider'

export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@')
  return `${local.slice(0, 1)}•••@${domain}`
}

/** Emails a six-digit code for a purpose (second factor, or switching email codes on). */
export async function emailOneTimeCode(
  userId: string,
  purpose: 'second_factor' | 'enable_email',
  boundTo = '',
): Promise<void> {
  const user = await findUserById(userId)
  if (!user) return
  const code = await issueOneTimeCode({ userId, channel: 'email', purpose, destination: user.email, boundTo })
  await sendEmail(oneTimeCodeEmail(user.email, user.name, code, CODE_MINUTES))
}

export const emailCodeMethod: SecondFactorProvider = {
  method: 'email',
  label: 'Code by email',
  needsJavaScript: false,
  isEnabledFor: isEmailFactorOn,
  async hint(userId) {
    const user = await findUserById(userId)
    return user ? `to ${maskEmail(user.email)}` : ''
  },
  send: (userId, binding) => emailOneTimeCode(userId, 'second_factor', binding),
  async verify(userId, answer, now, binding) {
    return (
      await redeemOneTimeCode(
        { userId, channel: 'email', purpose: 'second_factor', boundTo: binding },
        answer.code,
        now,
      )
    ).ok
  },
}

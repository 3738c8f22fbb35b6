import type { EmailMessage } from './mailer.server'
import { MINUTE_MS } from '~/domain/durations'
import { asOneLine } from '~/domain/one-line'

const signature = '\n\n— MegiLance'

/**
 * The greeting, the name on one line: a name saved before forms refused line breaks must not write
 * paragraphs of its own into a message from MegiLance.
 */
function hello(name: string): string {
  return `Hello ${asOneLine(name)},\n\n`
}

/** The code a message carries, kept in the offline outbox only until it expires. */
function secret(code: string, minutes: number): EmailMessage['secret'] {
  return { value: code, expiresAt: new Date(Date.now() + minutes * MINUTE_MS) }
}

export function welcomeEmail(to: string, name: string, role: 'client' | 'freelancer'): EmailMessage {
  const next =
    role === 'client'
      ? 'Your client dashboard is ready: describe what you need and freelancers will come to you.'
      : 'Your freelancer dashboard is ready: complete your profile so clients can find you.'
  return {
    kind: 'welcome',
    to,
    subject: 'Welcome to MegiLance',
    text: `${hello(name)}${next}${signature}`,
  }
}

export function passwordResetEmail(to: string, name: string, code: string, minutes: number): EmailMessage {
  return {
    kind: 'password_reset',
    secret: secret(code, minutes),
    to,
    subject: 'Your MegiLance password reset code',
    text:
      `${hello(name)}Your password reset code is: ${code}\n\n` +
      `It works once and expires in ${minutes} minutes. If you did not ask for it, ignore this email: ` +
      `your password has not changed.${signature}`,
  }
}

export function passwordChangedEmail(to: string, name: string): EmailMessage {
  return {
    kind: 'password_changed',
    to,
    subject: 'Your MegiLance password was changed',
    text:
      `${hello(name)}Your password was just changed and every signed-in device was signed out. ` +
      `If this was not you, reset your password now and contact support.${signature}`,
  }
}

export function accountBlockedEmail(to: string, name: string, reason: string): EmailMessage {
  return {
    kind: 'account_blocked',
    to,
    subject: 'Your MegiLance account has been blocked',
    text:
      `${hello(name)}An administrator blocked your account for this reason:\n\n  ${reason}\n\n` +
      `You can reply to this email to contest the decision.${signature}`,
  }
}

export function accountUnblockedEmail(to: string, name: string): EmailMessage {
  return {
    kind: 'account_unblocked',
    to,
    subject: 'Your MegiLance account is active again',
    text: `${hello(name)}An administrator lifted the block on your account. You can sign in again.${signature}`,
  }
}

export function notificationEmail(
  to: string,
  name: string,
  title: string,
  body: string,
  url: string | null,
  /** The link that turns this kind of email off, and what the kind is called in Settings → Notifications. */
  unsubscribe?: { url: string; label: string; settingsUrl: string },
): EmailMessage {
  const details = body ? `\n\n${body}` : ''
  const link = url ? `\n\nOpen it: ${url}` : ''
  const footer = unsubscribe
    ? `\n\nYou get this email because “${unsubscribe.label}” emails are on for your account. ` +
      `Stop them with one click: ${unsubscribe.url}\n` +
      `Choose which notifications reach you by email: ${unsubscribe.settingsUrl}`
    : '\n\nYou can choose which notifications reach you by email in Settings → Notifications.'
  return {
    kind: 'notification',
    to,
    subject: asOneLine(title),
    text: `${hello(name)}${asOneLine(title)}${details}${link}${footer}${signature}`,
  }
}

export function securityAlertEmail(
  to: string,
  name: string,
  alert: {
    label: string
    detail: string
    ip: string | null
    at: Date
    /** "Firefox 128 on Linux (desktop)", from the request's User-Agent. */
    device?: string | null
    /** "Berlin, Germany", looked up from the IP address. */
    place?: string | null
    /** Where the person reviews their sessions (an absolute URL). */
    securityUrl: string
  },
): EmailMessage {
  const facts = [
    alert.device ? `Device: ${asOneLine(alert.device)}` : null,
    alert.ip ? `IP address: ${alert.ip}${alert.place ? ` (near ${asOneLine(alert.place)}, roughly)` : ''}` : null,
  ].filter(Boolean)
  return {
    kind: 'security_alert',
    to,
    subject: `MegiLance security alert: ${alert.label}`,
    text:
      `${hello(name)}${alert.label} at ${alert.at.toISOString().replace('T', ' ').slice(0, 16)} UTC.\n` +
      (facts.length ? `\n${facts.join('\n')}\n` : '') +
      (alert.detail ? `\n${alert.detail}\n` : '') +
      `\nIf this was you, there is nothing to do. If not, change your password and sign the other sessions ` +
      `out: ${alert.securityUrl}${signature}`,
  }
}

export function oneTimeCodeEmail(to: string, name: string, code: string, minutes: number): EmailMessage {
  return {
    kind: 'security_code',
    secret: secret(code, minutes),
    to,
    subject: `Your MegiLance security code: ${code}`,
    text:
      `${hello(name)}Your security code is: ${code}\n\nIt works once and expires in ${minutes} minutes. ` +
      `MegiLance will never ask you for it by phone or chat. If you did not try to sign in, change your password.${signature}`,
  }
}

export function signUpCodeEmail(to: string, name: string, code: string, minutes: number): EmailMessage {
  return {
    kind: 'sign_up_code',
    secret: secret(code, minutes),
    to,
    subject: `Your MegiLance sign-up code: ${code}`,
    text:
      `${hello(name)}Your sign-up code is: ${code}\n\nEnter it to finish creating your account. ` +
      `It works for ${minutes} minutes. If you did not try to sign up, ignore this email.${signature}`,
  }
}

export function signUpExistingAccountEmail(to: string, name: string): EmailMessage {
  return {
    kind: 'sign_up_existing_account',
    to,
    subject: 'Someone tried to sign up to MegiLance with your email',
    text:
      `${hello(name)}Someone just tried to create a new MegiLance account with this address, which already has one. ` +
      `If it was you, sign in instead, or reset your password if you have forgotten it. If not, you can ignore this email.${signature}`,
  }
}

export function emailChangeCodeEmail(to: string, name: string, code: string, minutes: number): EmailMessage {
  return {
    kind: 'email_change_code',
    secret: secret(code, minutes),
    to,
    subject: `Your MegiLance code to confirm this address: ${code}`,
    text:
      `${hello(name)}Your confirmation code is: ${code}\n\n` +
      `Enter it on the page where you asked to make this your MegiLance sign-in address. It works once and ` +
      `expires in ${minutes} minutes. ` +
      `If you did not ask for it, ignore this email: nothing changes without the code.${signature}`,
  }
}

/** To an address that already has an account: someone asked to move another account onto it. */
export function emailChangeTakenEmail(to: string, name: string): EmailMessage {
  return {
    kind: 'email_change_taken',
    to,
    subject: 'Someone tried to move a MegiLance account to your email',
    text:
      `${hello(name)}Someone just asked to move another MegiLance account to this address, which already has an ` +
      `account: yours. Nothing has changed, and it cannot: one address belongs to one account. If it was you, ` +
      `you need only one account; if not, you can ignore this email.${signature}`,
  }
}

/** To the old address, once the account has moved: the way back if it was not its owner. */
export function emailChangedEmail(
  to: string,
  name: string,
  change: { maskedNewEmail: string; ip: string | null; at: Date },
): EmailMessage {
  const where = change.ip ? ` from IP ${change.ip}` : ''
  return {
    kind: 'email_changed',
    to,
    subject: 'Your MegiLance email address was changed',
    text:
      `${hello(name)}The email address of your MegiLance account was changed to ${change.maskedNewEmail}` +
      `${where} at ${change.at.toISOString().replace('T', ' ').slice(0, 16)} UTC. Sign-in, codes and ` +
      `notifications now go to the new address, and this one no longer signs in.\n\n` +
      `If this was you, there is nothing to do.\n\n` +
      `If it was not you, someone knows your password. On a device where you are still signed in, open ` +
      `Settings → Sessions and sign out every other session, then change your email address back under ` +
      `Settings → Email and your password under Settings → Password. If you are signed in nowhere, ` +
      `write to us through the help centre's contact form (Help → Contact us, topic “My account and signing in”) from ` +
      `this address, and we will help you get the account back.${signature}`,
  }
}

/** To the address an administrator put back on the account after it was moved away: what happened, and what to do now. */
export function emailRestoredEmail(
  to: string,
  name: string,
  restore: { maskedReplacedEmail: string; reason: string; at: Date; removed: string[]; held: string[] },
): EmailMessage {
  const list = (lines: string[]) => lines.map((line) => `  - ${line}`).join('\n')
  const removed = restore.removed.length
    ? `Added to the account after that change, and now removed:\n\n${list(restore.removed)}\n\n`
    : 'No second factor or payout method was added after that change, so none was removed.\n\n'
  const held = restore.held.length
    ? `These payouts to a removed payout method had not been sent: they are held for an administrator, ` +
      `who cancels them to put the money back in your wallet if you did not ask for them:\n\n${list(restore.held)}\n\n`
    : ''
  return {
    kind: 'email_restored',
    to,
    subject: 'Your MegiLance email address was put back',
    text:
      `${hello(name)}An administrator put your MegiLance account's email address back to this one at ` +
      `${restore.at.toISOString().replace('T', ' ').slice(0, 16)} UTC. It had been changed to ` +
      `${restore.maskedReplacedEmail}. The reason they gave:\n\n  ${restore.reason}\n\n` +
      removed +
      held +
      `Every device signed in to the account was signed out. Sign-in, codes and notifications come to this ` +
      `address again. Whoever moved the address away may know your password: choose a new one now with ` +
      `“Forgot password” on the sign-in page (the code comes here), then check your second factors and payout ` +
      `methods under Settings.${signature}`,
  }
}

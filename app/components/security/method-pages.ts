import type { SecondFactorMethod } from '~/models/schema'

/** Each second-factor method's own settings page, in the order Settings → Security lists them. */
export const METHOD_PAGES: { method: SecondFactorMethod; title: string; to: string; about: string }[] = [
  {
    method: 'passkey',
    title: 'Passkeys',
    to: '/settings/security/passkeys',
    about: 'Touch ID, Face ID, Windows Hello or your phone’s screen lock.',
  },
  {
    method: 'security_key',
    title: 'Security keys',
    to: '/settings/security/security-keys',
    about: 'A YubiKey or similar key, over USB or NFC.',
  },
  {
    method: 'totp',
    title: 'Authenticator app',
    to: '/settings/security/authenticator',
    about: 'Codes from an app such as Google Authenticator, 1Password or Authy.',
  },
  { method: 'sms', title: 'Text message', to: '/settings/security/phone', about: 'A code sent to your phone by SMS.' },
  {
    method: 'email',
    title: 'Email codes',
    to: '/settings/security/email-codes',
    about: 'A code sent to your account’s email address.',
  },
  {
    method: 'backup_code',
    title: 'Backup codes',
    to: '/settings/security/backup-codes',
    about: 'Ten one-time codes for when you have nothing else at hand.',
  },
]

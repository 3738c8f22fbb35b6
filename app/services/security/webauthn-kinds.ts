import * as z from 'zod'

/** What each kind of WebAuthn credential is called, where it is managed and how it is explained. */
export const WEBAUTHN_KIND_TEXT = {
  passkey: {
    title: 'Passkeys',
    one: 'passkey',
    defaultName: 'Passkey',
    path: '/settings/security/passkeys',
    explanation:
      'A passkey lets this device confirm it is you with its own screen lock: Touch ID or Face ID, Windows Hello, or an Android screen lock.',
    useButton: 'Use your passkey',
    addButton: 'Add a passkey',
  },
  security_key: {
    title: 'Security keys',
    one: 'security key',
    defaultName: 'Security key',
    path: '/settings/security/security-keys',
    explanation:
      'A security key is a small device, such as a YubiKey, that you plug in over USB or hold to your phone (NFC) to confirm it is you.',
    useButton: 'Use your security key',
    addButton: 'Add a security key',
  },
} as const

const CredentialName = z
  .string({ error: 'Give it a name.' })
  .trim()
  .min(1, 'Give it a name.')
  .max(60, 'Use at most 60 characters.')

/** Adding: an optional name (a dated default otherwise) and the browser's answer as JSON. */
export const AddCredentialSchema = z.object({
  intent: z.literal('add'),
  name: CredentialName.optional(),
  response: z.string({ error: 'Your browser did not answer. Try again.' }).min(2).max(20_000),
})

export const RenameCredentialSchema = z.object({
  intent: z.literal('rename'),
  credentialId: z.string().min(1).max(1_024),
  name: CredentialName,
})

export const RemoveCredentialSchema = z.object({
  intent: z.literal('remove'),
  credentialId: z.string().min(1).max(1_024),
})

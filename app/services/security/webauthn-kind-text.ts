// Apart from webauthn-kinds.ts, whose zod schemas would otherwise come with it into the browser.

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

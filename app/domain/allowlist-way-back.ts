/** What someone shut out by their own IP allowlist can do: said at sign-in and when a session is signed out. */
export const ALLOWLIST_WAY_BACK =
  'Sign in from an allowed network, or write to us through Contact us (in the Help centre) from your account’s email address: we turn the list off once we know it is you.'

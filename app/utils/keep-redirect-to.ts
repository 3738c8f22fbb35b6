/**
 * `path` with the `redirectTo` a visitor arrived with, so moving between sign-in and sign-up (and
 * on to the emailed code) still lands them where they were going once they have an account.
 */
export function keepRedirectTo(path: string, redirectTo: string | null | undefined): string {
  return redirectTo ? `${path}?${new URLSearchParams({ redirectTo })}` : path
}

/**
 * The role a sign-up is for, read from where the visitor was going: a proposal form is a freelancer's,
 * a project form a client's. Null when the place says nothing (the visitor chooses).
 */
export function roleForDestination(redirectTo: string | null | undefined): 'client' | 'freelancer' | null {
  const path = redirectTo?.split(/[?#]/)[0] ?? ''
  if (/^\/projects\/[^/]+\/propose\/?$/.test(path)) return 'freelancer'
  if (/^\/projects\/new\/?$/.test(path)) return 'client'
  return null
}

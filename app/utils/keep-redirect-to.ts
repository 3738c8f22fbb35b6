/**
 * `path` with the `redirectTo` a visitor arrived with, so moving between sign-in and sign-up (and
 * on to the emailed code) still lands them where they were going once they have an account.
 */
export function keepRedirectTo(path: string, redirectTo: string | null | undefined): string {
  return redirectTo ? `${path}?${new URLSearchParams({ redirectTo })}` : path
}

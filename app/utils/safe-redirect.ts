/**
 * A stand-in for the app's own origin. Only the question "does this stay on our origin?" matters,
 * and that has the same answer for any origin, so no request is needed to know the real one.
 */
const OWN_ORIGIN = 'https://megilance.invalid'

/**
 * Only same-site paths are followed after sign-in, never another host. The target is read the way a
 * browser will read the Location header (the WHATWG URL parser drops tabs and newlines and treats
 * `\` as `/`), and what is returned is the parsed path, query and fragment, never the raw string.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof to !== 'string' || !to.startsWith('/')) return fallback
  let url: URL
  try {
    url = new URL(to, OWN_ORIGIN)
  } catch {
    return fallback
  }
  if (url.origin !== OWN_ORIGIN) return fallback
  // `/..//evil.example` parses to the path `//evil.example`, which a browser reads as another host.
  if (url.pathname.startsWith('//')) return fallback
  return `${url.pathname}${url.search}${url.hash}`
}

import type { HeadersFunction } from '@remix-run/node'

/**
 * A page's HTML answer keeps the Retry-After of the 429 its action or loader answered (a throttled
 * sign-in or code, a quota reached). Without a `headers` export Remix keeps only the cookies of
 * those answers in the document, so a browser without JavaScript got the 429 with no word on how
 * long to wait; the data request of a page with JavaScript has it either way. Routes that answer a
 * form with 429 export it: `export const headers = keepRetryAfter`.
 */
export const keepRetryAfter: HeadersFunction = ({ parentHeaders, actionHeaders, loaderHeaders, errorHeaders }) => {
  const headers = new Headers(parentHeaders)
  const wait = errorHeaders?.get('Retry-After') ?? actionHeaders.get('Retry-After') ?? loaderHeaders.get('Retry-After')
  if (wait) headers.set('Retry-After', wait)
  return headers
}

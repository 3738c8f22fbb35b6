import type { AppLoadContext, EntryContext } from '@remix-run/node'
import { isRouteErrorResponse, RemixServer } from '@remix-run/react'
import { renderToString } from 'react-dom/server'
import { logger } from '~/utils/logger.server'
import { NonceProvider } from '~/utils/nonce'
import { keepFormattedTexts } from '~/utils/format'
import { keptText } from '~/utils/kept-texts.server'
import { keepRenderedHtml } from '~/components/portal-shell'
import { renderKeptHtml } from '~/http/kept-html.server'

// Days and amounts are formatted once each on the server, then read back (utils/kept-texts.server.ts).
keepFormattedTexts(keptText)
// Parts of pages that come out the same for the same data are rendered once (KeptHtml, components/portal-shell.tsx).
keepRenderedHtml(renderKeptHtml)

/**
 * The document, rendered in one go. No page defers data or suspends, so a stream would send the same
 * whole document at the end anyway; rendering to a string skips the stream's per-chunk encoding and
 * writes, which cost about a sixth of a page's CPU (bench/portal-cost.ts, paired builds).
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? ''
  // A render error throws here, and Remix renders the error boundary instead.
  const html = renderToString(
    <NonceProvider value={nonce}>
      <RemixServer context={remixContext} url={request.url} nonce={nonce} />
    </NonceProvider>,
  )
  responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
  // Bytes, not the string: given a string, Response scans all of it for lone surrogates (a regular
  // expression over the whole page) before encoding; Buffer encodes natively and writes U+FFFD for
  // a lone surrogate, as that scan would.
  return new Response(Buffer.from(`<!DOCTYPE html>${html}`), { headers: responseHeaders, status: responseStatusCode })
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return
  // Remix's own refusals of malformed requests (`?_data=` naming a route the URL does not match, or
  // one without a loader: 400, 403, 405) are the client's mistakes, not the server's errors.
  if (isRouteErrorResponse(error) && error.status < 500) return
  logger.error({ err: error, url: request.url }, 'unhandled error')
}

import type { Request, RequestHandler, Response } from 'express'
import { UPLOAD_BODY_LIMIT, WEBHOOK_BODY_LIMIT, webhookTooLargeText } from '../app/http/form-data.server'

const WEBHOOK_PATH = /^\/webhooks\//i

const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Too large — MegiLance</title></head>
<body>
<main id="main">
<section class="error-panel" aria-labelledby="error-title">
<p class="error-panel__status">Error 413</p>
<h1 id="error-title">That is more than we accept</h1>
<p>The form sent more than the ${UPLOAD_BODY_LIMIT / 1_000_000} MB any page here accepts. Please go back, send less (shorter text, or fewer or smaller files) and try again.</p>
<p><a href="/">Go to the home page</a></p>
</section>
</main>
</body>
</html>`

function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length']) > 0
}

/**
 * Once the answer goes out with part of the request body still unread (refused as too large, or
 * never needed), the connection closes rather than Node reading the rest only to throw it away.
 */
function closeWhenBodyUnread(req: Request, res: Response): void {
  const writeHead = res.writeHead
  res.writeHead = function (this: Response, ...args: Parameters<Response['writeHead']>) {
    if (hasBody(req) && !req.complete) this.setHeader('Connection', 'close')
    return writeHead.apply(this, args)
  } as Response['writeHead']
}

/**
 * The outer bound on request bodies, decided from Content-Length before a byte is read: webhooks
 * 1 MB (short text answer), anything else the largest upload form. Each form's own, tighter limit
 * is counted as the body streams in by the readers in app/http/form-data.server.ts, which also
 * catch chunked bodies that declare no length.
 */
export function limitRequestBodies(): RequestHandler {
  return (req, res, next) => {
    closeWhenBodyUnread(req, res)
    const webhook = WEBHOOK_PATH.test(req.path)
    const limit = webhook ? WEBHOOK_BODY_LIMIT : UPLOAD_BODY_LIMIT
    if (!(Number(req.get('content-length')) > limit)) return next()
    res.status(413).set('Connection', 'close')
    if (webhook) res.type('text/plain').send(webhookTooLargeText(limit))
    else res.type('html').send(PAGE)
  }
}

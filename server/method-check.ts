import type { RequestHandler } from 'express'

const ALLOWED = new Set(['GET', 'HEAD', 'POST'])

/** Pages are read with GET and changed with form POSTs; nothing else reaches the app. */
export function allowOnlyPageMethods(): RequestHandler {
  return (req, res, next) => {
    if (ALLOWED.has(req.method)) return next()
    res.status(405).set('Allow', 'GET, HEAD, POST').type('text/plain').send('Method not allowed.')
  }
}

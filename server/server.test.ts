import http, { type Server } from 'node:http'
import zlib from 'node:zlib'
import type { AddressInfo } from 'node:net'
import { createReadableStreamFromReadable } from '@remix-run/node'
import express from 'express'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { server as msw } from '../app/test/msw-server'
import { readFormData, readWebhookBody } from '../app/http/form-data.server'
import { formActionSources, securityHeaders } from './security-headers'
import { limitRequestBodies } from './body-limits'
import { compressAnswers } from './compression'
import { keepSignedInAnswersPrivate } from './private-answers'
import { allowOnlyPageMethods } from './method-check'
import { rejectCrossOriginWrites } from './origin-check'
import { applyProxyTrust } from './proxy-trust'
import { createRateLimits, routePath } from './rate-limits'

// These tests read how the real server answers raw HTTP (chunked bodies, closed connections); the
// shared MSW server's interception of node:http changes exactly that, so it is off in this file.
beforeAll(() => msw.close())

let server: Server | undefined
afterEach(() => server?.close())

async function serve(app: express.Express): Promise<string> {
  server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server!.once('listening', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

function appWith(...middleware: express.RequestHandler[]) {
  const app = express()
  app.use(...middleware)
  app.all('*', (_req, res) => res.send('ok'))
  return app
}

describe('rate limits', () => {
  it('limits sign-in posts far more tightly than pages, with Retry-After', async () => {
    const base = await serve(appWith(...createRateLimits({ perMinute: 100, authPer15Minutes: 3 })))
    const post = () => fetch(`${base}/sign-in`, { method: 'POST' })
    const statuses = [(await post()).status, (await post()).status, (await post()).status]
    expect(statuses).toEqual([200, 200, 200])
    const limited = await post()
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await limited.text()).toMatch(/Too many attempts/)
    // Reading pages is still allowed.
    expect((await fetch(`${base}/sign-in`)).status).toBe(200)
    expect((await fetch(`${base}/settings`, { method: 'POST' })).status).toBe(200)
  })

  it('counts every spelling of an auth path that reaches the same route', async () => {
    const base = await serve(appWith(...createRateLimits({ perMinute: 100, authPer15Minutes: 3 })))
    const post = (path: string) => fetch(`${base}${path}`, { method: 'POST' })
    expect((await post('/FORGOT-PASSWORD')).status).toBe(200)
    expect((await post('/forgot-password/')).status).toBe(200)
    expect((await post('/Forgot%2Dpassword')).status).toBe(200)
    expect((await post('/forgot-password')).status).toBe(429)
    expect((await post('/Sign-Up/')).status).toBe(429)
  })

  it('reads a path as the route it reaches', () => {
    expect(routePath('/FORGOT-PASSWORD')).toBe('/forgot-password')
    expect(routePath('/forgot-password/')).toBe('/forgot-password')
    expect(routePath('/forgot-password?email=a%40b.example')).toBe('/forgot-password')
    expect(routePath('/sign-in//verify/')).toBe('/sign-in/verify')
    expect(routePath('//sign-in')).toBe('/sign-in')
    expect(routePath('/forgot%2Dpassword')).toBe('/forgot-password')
    expect(routePath('/x/../reset-password')).toBe('/reset-password')
    expect(routePath('/%2e/sign-up')).toBe('/sign-up')
    expect(routePath('/')).toBe('/')
    expect(routePath('/%E0%A4%A')).toBe('/%e0%a4%a')
  })

  it('limits every path per IP', async () => {
    const base = await serve(appWith(...createRateLimits({ perMinute: 2, authPer15Minutes: 100 })))
    expect((await fetch(`${base}/`)).status).toBe(200)
    expect((await fetch(`${base}/`)).status).toBe(200)
    expect((await fetch(`${base}/`)).status).toBe(429)
  })
})

describe('cross-origin writes', () => {
  it('refuses a form post from another site and accepts its own', async () => {
    const base = await serve(appWith(rejectCrossOriginWrites()))
    const host = new URL(base).host
    const foreign = await fetch(`${base}/settings`, { method: 'POST', headers: { origin: 'https://evil.example' } })
    expect(foreign.status).toBe(403)
    const opaque = await fetch(`${base}/settings`, { method: 'POST', headers: { origin: 'null' } })
    expect(opaque.status).toBe(403)
    const own = await fetch(`${base}/settings`, { method: 'POST', headers: { origin: `http://${host}` } })
    expect(own.status).toBe(200)
    expect((await fetch(`${base}/settings`, { headers: { origin: 'https://evil.example' } })).status).toBe(200)
  })

  it("refuses a post the browser marks as another site's even when Origin was stripped", async () => {
    const base = await serve(appWith(rejectCrossOriginWrites()))
    const post = (site: string) => fetch(`${base}/settings`, { method: 'POST', headers: { 'sec-fetch-site': site } })
    expect((await post('cross-site')).status).toBe(403)
    // A sibling subdomain is same-site (SameSite=Lax cookies go with it) but not us.
    expect((await post('same-site')).status).toBe(403)
    expect((await post('same-origin')).status).toBe(200)
    // Typed into the address bar or a bookmark: no site at all.
    expect((await post('none')).status).toBe(200)
    // Clients that send neither header (curl, old browsers) are left to SameSite=Lax, as before.
    expect((await fetch(`${base}/settings`, { method: 'POST' })).status).toBe(200)
  })
})

describe('Stripe', () => {
  it('lets Stripe’s webhook calls through: server to server, they carry no browser Origin and a raw JSON body', async () => {
    const app = express()
    app.use(allowOnlyPageMethods(), rejectCrossOriginWrites())
    // Nothing before Remix may parse the body: the signature covers its exact bytes.
    app.post('/webhooks/stripe', (req, res) => {
      let raw = ''
      req.setEncoding('utf8')
      req.on('data', (chunk: string) => (raw += chunk))
      req.on('end', () => res.send(raw))
    })
    const base = await serve(app)
    const body = '{"id": "evt_1",  "object": "event"}'
    const response = await fetch(`${base}/webhooks/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=abc' },
      body,
    })
    expect(response.status).toBe(200)
    expect(await response.text()).toBe(body)
  })

  it('allows forms to be redirected to Stripe Checkout only when Stripe is configured', () => {
    expect(formActionSources({ STRIPE_SECRET_KEY: undefined })).toEqual(["'self'"])
    expect(formActionSources({ STRIPE_SECRET_KEY: 'sk_test_123' })).toEqual(["'self'", 'https://checkout.stripe.com'])
  })
})

describe('methods', () => {
  it('lets GET and POST through and answers 405 to the rest', async () => {
    const base = await serve(appWith(allowOnlyPageMethods()))
    expect((await fetch(`${base}/sign-in`, { method: 'POST' })).status).toBe(200)
    const del = await fetch(`${base}/sign-in`, { method: 'DELETE' })
    expect(del.status).toBe(405)
    expect(del.headers.get('allow')).toBe('GET, HEAD, POST')
  })
})

describe('client IP', () => {
  async function ipSeen(trusted: boolean): Promise<string> {
    const app = express()
    applyProxyTrust(app, trusted)
    app.get('/ip', (req, res) => res.send(req.ip))
    const base = await serve(app)
    const text = await (await fetch(`${base}/ip`, { headers: { 'X-Forwarded-For': '216.160.83.56' } })).text()
    server?.close()
    return text
  }

  it('takes X-Forwarded-For only when TRUST_PROXY is set', async () => {
    expect(await ipSeen(true)).toBe('216.160.83.56')
    expect(await ipSeen(false)).toMatch(/127\.0\.0\.1$/)
  })
})

/** Hands the request to an app-side reader the way @remix-run/express does, and sends its answer. */
function likeRemix(read: (request: Request) => Promise<string>): express.RequestHandler {
  return async (req, res) => {
    const request = new Request(`http://${req.get('host')}${req.originalUrl}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: createReadableStreamFromReadable(req),
      duplex: 'half',
    } as RequestInit)
    let answer: Response
    try {
      answer = new Response(await read(request))
    } catch (thrown) {
      if (!(thrown instanceof Response)) throw thrown
      answer = thrown
    }
    res.status(answer.status).send(await answer.text())
  }
}

function bodyLimitedApp() {
  const app = express()
  app.use(limitRequestBodies())
  app.post(
    '/form',
    likeRemix(async (request) => String((await readFormData(request)).get('note')?.toString().length)),
  )
  app.post('/webhooks/stripe', likeRemix(readWebhookBody))
  return app
}

type Sent = { status: number; body: string; connection: string | undefined; bytesSent: number }

/**
 * Sends `total` bytes in 64 kB pieces, stopping as soon as an answer arrives (as a browser does),
 * with Content-Length when `declare` is set and chunked otherwise.
 */
function sendSlowly(
  base: string,
  path: string,
  total: number,
  declare: boolean,
  contentType = 'application/x-www-form-urlencoded',
): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const piece = Buffer.alloc(64_000, 'a')
    piece.write('note=')
    let bytesSent = 0
    let answered = false
    const headers: Record<string, string> = {
      'content-type': contentType,
      ...(declare ? { 'content-length': String(total) } : {}),
    }
    const request = http.request(`${base}${path}`, { method: 'POST', headers }, (response) => {
      answered = true
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body, connection: response.headers.connection, bytesSent }),
      )
    })
    // The server may close the connection while we are still sending: that is the point.
    request.on('error', (error) => (answered ? undefined : reject(error)))
    const sendMore = () => {
      if (answered || bytesSent >= total) return answered ? undefined : request.end()
      const chunk = piece.subarray(0, Math.min(piece.length, total - bytesSent))
      bytesSent += chunk.length
      request.write(chunk, () => setTimeout(sendMore, 2))
    }
    sendMore()
  })
}

describe('request body limits', () => {
  it('refuses a form declaring more than 1 MB before reading it, and closes the connection', async () => {
    const base = await serve(bodyLimitedApp())
    const sent = await sendSlowly(base, '/form', 20_000_000, true)
    expect(sent.status).toBe(413)
    expect(sent.body).toMatch(/more than the 1 MB this page accepts/)
    expect(sent.connection).toBe('close')
    expect(sent.bytesSent).toBeLessThan(2_000_000)
  })

  it('counts a chunked form as it arrives and refuses it once past 1 MB', async () => {
    const base = await serve(bodyLimitedApp())
    const sent = await sendSlowly(base, '/form', 20_000_000, false)
    expect(sent.status).toBe(413)
    expect(sent.body).toMatch(/more than the 1 MB this page accepts/)
    expect(sent.connection).toBe('close')
    expect(sent.bytesSent).toBeLessThan(3_000_000)
  })

  it('still reads ordinary forms and keeps the connection open', async () => {
    const base = await serve(bodyLimitedApp())
    const sent = await sendSlowly(base, '/form', 200_000, false)
    expect(sent.status).toBe(200)
    expect(sent.body).toBe(String(200_000 - 'note='.length))
    expect(sent.connection).not.toBe('close')
    const response = await fetch(`${base}/form`, { method: 'POST', body: new URLSearchParams({ note: 'hello' }) })
    expect(await response.text()).toBe('5')
  })

  it('answers a webhook over 1 MB with a short text 413, declared or chunked', async () => {
    const base = await serve(bodyLimitedApp())
    for (const declare of [true, false]) {
      const sent = await sendSlowly(base, '/webhooks/stripe', 5_000_000, declare, 'application/json')
      expect(sent.status).toBe(413)
      expect(sent.body).toBe('Payload too large: webhook bodies are limited to 1000000 bytes.')
    }
  })

  it('refuses any body declaring more than the largest upload form before the app sees it', async () => {
    const base = await serve(bodyLimitedApp())
    const sent = await sendSlowly(base, '/anything', 60_000_000, true, 'multipart/form-data; boundary=x')
    expect(sent.status).toBe(413)
    expect(sent.body).toMatch(/Error 413[\s\S]*more than the 51 MB any page here accepts/)
    expect(sent.bytesSent).toBeLessThan(2_000_000)
  })
})

describe('signed-in answers', () => {
  function appAnswering(handler: express.RequestHandler) {
    const app = express()
    app.use(keepSignedInAnswersPrivate())
    app.all('*', handler)
    return app
  }

  it('keeps what a signed-in browser is shown out of every cache', async () => {
    const base = await serve(appAnswering((_req, res) => res.send('<h1>Your wallet</h1>')))
    const signedIn = await fetch(`${base}/wallet`, { headers: { cookie: 'ml_theme=dark; __session=abc.def' } })
    expect(signedIn.headers.get('cache-control')).toBe('private, no-store')
    // Over HTTPS the session cookie is named with the __Host- prefix.
    const prefixed = await fetch(`${base}/wallet`, { headers: { cookie: 'ml_theme=dark; __Host-session=abc.def' } })
    expect(prefixed.headers.get('cache-control')).toBe('private, no-store')
    const anonymous = await fetch(`${base}/projects`, { headers: { cookie: 'ml_theme=dark' } })
    expect(anonymous.headers.get('cache-control')).toBeNull()
    // A cleared cookie is no session.
    const cleared = await fetch(`${base}/projects`, { headers: { cookie: '__session=' } })
    expect(cleared.headers.get('cache-control')).toBeNull()
  })

  it('keeps an answer that sets a cookie private, even to a browser that had none', async () => {
    const base = await serve(appAnswering((_req, res) => res.cookie('__session', 'new').redirect('/client')))
    const answer = await fetch(`${base}/sign-in`, { method: 'POST', redirect: 'manual' })
    expect(answer.headers.get('cache-control')).toBe('private, no-store')
  })

  it("leaves a route's own choice alone, however it set it", async () => {
    const set = await serve(
      appAnswering((_req, res) => res.set('Cache-Control', 'private, max-age=3600').send('image')),
    )
    const image = await fetch(`${set}/portfolio/images/1`, { headers: { cookie: '__session=abc' } })
    expect(image.headers.get('cache-control')).toBe('private, max-age=3600')
    server?.close()
    const written = await serve(
      appAnswering((_req, res) => {
        res.writeHead(200, { 'Cache-Control': 'private, no-cache', 'Content-Type': 'text/plain' })
        res.end('recording')
      }),
    )
    const recording = await fetch(`${written}/calls/1/recordings/2`, { headers: { cookie: '__session=abc' } })
    expect(recording.headers.get('cache-control')).toBe('private, no-cache')
  })
})

describe('security headers', () => {
  const production = { NODE_ENV: 'production', COOKIE_SECURE: undefined, STRIPE_SECRET_KEY: undefined } as const
  function appWithHeaders(env: Parameters<typeof securityHeaders>[0]) {
    const app = express()
    app.use((_req, res, next) => {
      res.locals.cspNonce = 'bm9uY2U='
      next()
    })
    app.use(securityHeaders(env))
    app.all('*', (_req, res) => res.send('<p>page</p>'))
    return app
  }

  it('lets scripts run only from this site or with the page nonce, and lets no site frame a page', async () => {
    const answer = await fetch(await serve(appWithHeaders(production)))
    const csp = Object.fromEntries(
      (answer.headers.get('content-security-policy') ?? '').split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/)
        return [name, values.join(' ')]
      }),
    )
    expect(csp['default-src']).toBe("'self'")
    expect(csp['script-src']).toBe("'self' 'nonce-bm9uY2U='")
    expect(csp['object-src']).toBe("'none'")
    expect(csp['base-uri']).toBe("'self'")
    expect(csp['form-action']).toBe("'self'")
    expect(csp['frame-ancestors']).toBe("'none'")
    // Browsers without frame-ancestors read X-Frame-Options: the same answer, no framing at all.
    expect(answer.headers.get('x-frame-options')).toBe('DENY')
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
    expect(answer.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(answer.headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
  })

  it('lets only our own pages use the camera, microphone and screen, and nothing use location or payment', async () => {
    const answer = await fetch(await serve(appWithHeaders(production)))
    const policy = answer.headers.get('permissions-policy') ?? ''
    expect(policy).toMatch(/camera=\(self\)/)
    expect(policy).toMatch(/microphone=\(self\)/)
    expect(policy).toMatch(/display-capture=\(self\)/)
    expect(policy).toMatch(/geolocation=\(\)/)
    expect(policy).toMatch(/payment=\(\)/)
  })

  it('sends no HSTS over plain HTTP in development', async () => {
    const answer = await fetch(await serve(appWithHeaders({ ...production, NODE_ENV: 'development' })))
    expect(answer.headers.get('strict-transport-security')).toBeNull()
  })

  it('sends HSTS whenever cookies are marked Secure (COOKIE_SECURE=true), whatever NODE_ENV says', async () => {
    const answer = await fetch(
      await serve(appWithHeaders({ ...production, NODE_ENV: 'development', COOKIE_SECURE: true })),
    )
    expect(answer.headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
    const plain = await fetch(await serve(appWithHeaders({ ...production, COOKIE_SECURE: false })))
    expect(plain.headers.get('strict-transport-security')).toBeNull()
  })
})

describe('compression', () => {
  // A page-like text that brotli's qualities compress to clearly different sizes.
  const text = Array.from(
    { length: 400 },
    (_, i) => `<li class="project"><a href="/projects/${(i * 7919) % 1000}">Project ${i * 31}</a> · $${i * 13}</li>`,
  ).join('')
  const brotli = (quality: number) =>
    zlib.brotliCompressSync(text, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality } }).length

  async function compressed(path: string): Promise<{ encoding?: string; body: Buffer }> {
    const app = express()
    app.use(compressAnswers())
    app.get('*', (_req, res) => res.type(path.endsWith('.js') ? 'js' : 'html').send(text))
    const base = await serve(app)
    return new Promise((resolve, reject) => {
      http
        .get(`${base}${path}`, { headers: { 'accept-encoding': 'gzip, deflate, br' } }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }))
        })
        .on('error', reject)
    })
  }

  it('compresses pages at brotli’s fastest quality, and build assets at the default', async () => {
    expect(brotli(1)).toBeGreaterThan(brotli(4) * 1.1)
    const page = await compressed('/projects')
    expect(page.encoding).toBe('br')
    expect(zlib.brotliDecompressSync(page.body).toString()).toBe(text)
    // Far from the default quality's size (the stream at quality 1 comes out larger still than one call).
    expect(page.body.length).toBeGreaterThan(brotli(1))
    const asset = await compressed('/build/_assets/app-X.js')
    expect(asset.encoding).toBe('br')
    expect(zlib.brotliDecompressSync(asset.body).toString()).toBe(text)
    expect(Math.abs(asset.body.length - brotli(4))).toBeLessThan(brotli(4) * 0.03)
  })
})

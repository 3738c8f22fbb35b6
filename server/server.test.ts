import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import express from 'express'
import { afterEach, describe, expect, it } from 'vitest'
import { formActionSources } from './app'
import { allowOnlyPageMethods } from './method-check'
import { rejectCrossOriginWrites } from './origin-check'
import { applyProxyTrust } from './proxy-trust'
import { createRateLimits } from './rate-limits'

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
    const response = await fetch(`${base}/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=abc' }, body })
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

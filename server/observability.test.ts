import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Writable } from 'node:stream'
import express from 'express'
import pino from 'pino'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { server as msw } from '../app/test/msw-server'
import { logMixin } from '../app/utils/request-context.server'
import { metricsEndpoint, observeRequests, routeLabel } from './observability'

// Raw HTTP against a real listener; the shared MSW interception of node:http is off in this file.
beforeAll(() => msw.close())

let server: Server | undefined
afterEach(() => server?.close())

const TOKEN = 'metrics-token-0123456789'

async function serve(lines: string[]): Promise<string> {
  const logger = pino(
    { mixin: logMixin },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString())
        done()
      },
    }),
  )
  const app = express()
  app.use(observeRequests())
  app.get('/metrics', metricsEndpoint(TOKEN, process.env.DATABASE_PATH!))
  app.get('/contracts/:id', (_req, res) => {
    logger.info('loading a contract')
    res.send('ok')
  })
  app.use((_req, res) => res.status(404).send('no'))
  server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server!.once('listening', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

describe('request ids', () => {
  it('gives every request an id, sends it back and puts it on the log lines written for it', async () => {
    const lines: string[] = []
    const base = await serve(lines)
    const answer = await fetch(`${base}/contracts/0b9e4a52-6a7e-4a57-9d0c-1b2f3c4d5e6f`)
    const id = answer.headers.get('x-request-id')
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(JSON.parse(lines[0]!)).toMatchObject({ reqId: id, msg: 'loading a contract' })
    // A proxy's id is kept, so one id follows the request through both logs; junk is replaced.
    const kept = await fetch(`${base}/contracts/1`, { headers: { 'x-request-id': 'proxy-id-12345' } })
    expect(kept.headers.get('x-request-id')).toBe('proxy-id-12345')
    const replaced = await fetch(`${base}/contracts/1`, { headers: { 'x-request-id': 'bad id <script>' } })
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })
})

describe('/metrics', () => {
  it('answers only with the token, in Prometheus text format, counting requests by route pattern', async () => {
    const base = await serve([])
    await fetch(`${base}/contracts/0b9e4a52-6a7e-4a57-9d0c-1b2f3c4d5e6f`)
    await fetch(`${base}/no/such/page/${crypto.randomUUID()}`)
    expect((await fetch(`${base}/metrics`)).status).toBe(401)
    expect(
      (await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer wrong-token-000000000' } })).status,
    ).toBe(401)
    const scraped = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })
    expect(scraped.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/)
    const text = await scraped.text()
    expect(text).toMatch(/megilance_http_requests_total\{route="\/contracts\/:id",method="GET",status="200"\} \d+/)
    expect(text).toMatch(/megilance_http_requests_total\{route="unmatched",method="GET",status="404"\} \d+/)
    expect(text).toMatch(/megilance_http_request_duration_seconds_bucket\{le="0.005",route="\/contracts\/:id"/)
    expect(text).toMatch(/megilance_database_bytes \d+/)
    expect(text).toMatch(/megilance_sse_connections 0/)
    expect(text).toContain('# TYPE megilance_job_runs_total counter')
  })

  it('does not exist without a configured token', async () => {
    const app = express()
    app.get('/metrics', metricsEndpoint(undefined, 'unused.db'))
    app.use((_req, res) => res.status(404).send('no'))
    server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server!.once('listening', resolve))
    expect((await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`)).status).toBe(404)
  })

  it('labels paths by their pattern', () => {
    expect(routeLabel('/messages/0b9e4a52-6a7e-4a57-9d0c-1b2f3c4d5e6f/events', 200)).toBe('/messages/:id/events')
    expect(routeLabel('/calls/abc/recordings/x/chunks/12', 200)).toBe('/calls/abc/recordings/x/chunks/:id')
    expect(routeLabel('/anything', 404)).toBe('unmatched')
  })
})

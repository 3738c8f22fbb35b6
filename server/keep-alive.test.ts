import { spawn } from 'node:child_process'
import http from 'node:http'
import { beforeAll, expect, it } from 'vitest'
import { server as msw } from '../app/test/msw-server'

// A kept-alive connection is what this file tests; MSW's interception of node:http changes it.
beforeAll(() => msw.close())

/**
 * A server in its own process (so its stall cannot stall this one) that, after answering /stall,
 * holds its event loop for 6.5 s without using the CPU, as a starved or busy worker would.
 */
function stallingServer(configure: boolean): Promise<{ port: number; stop: () => void }> {
  const script = `
    import http from 'node:http'
    import { keepConnectionsOpen } from './server/keep-alive.ts'
    const server = http.createServer((req, res) => {
      req.resume()
      req.on('end', () => {
        res.end('ok')
        if (req.url === '/stall') setImmediate(() => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 6_500))
      })
    })
    if (${configure}) keepConnectionsOpen(server)
    server.listen(0, '127.0.0.1', () => console.log(server.address().port))`
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve) =>
    child.stdout.once('data', (chunk: Buffer) => resolve({ port: Number(chunk), stop: () => child.kill() })),
  )
}

/** Two requests on one kept-alive connection, the second sent as soon as the first is answered. */
async function twoRequests(port: number): Promise<string> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  const get = (path: string) =>
    new Promise<string>((resolve) => {
      const request = http.get({ host: '127.0.0.1', port, path, agent }, (response) => {
        response.resume()
        response.on('end', () => resolve(String(response.statusCode)))
      })
      request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message))
    })
  const answers = [await get('/stall'), await get('/next')]
  agent.destroy()
  return answers.join(' ')
}

it("keeps a connection whose next request arrives while the server's event loop is stalled", async () => {
  const [configured, nodeDefault] = await Promise.all([stallingServer(true), stallingServer(false)])
  try {
    const [withSetting, withDefault] = await Promise.all([twoRequests(configured.port), twoRequests(nodeDefault.port)])
    expect(withSetting).toBe('200 200')
    // Node's default (5 s, 6 s in fact) resets it: the request was sent, and never read.
    expect(withDefault).toBe('200 ECONNRESET')
  } finally {
    configured.stop()
    nodeDefault.stop()
  }
})

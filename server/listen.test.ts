import http from 'node:http'
import type { AddressInfo } from 'node:net'
import pino from 'pino'
import { expect, it } from 'vitest'
import { EXIT_CANNOT_LISTEN, listenOrExit } from './listen'

it('says why a taken port cannot be used, and exits with the code the primary stops on', async () => {
  const other = http.createServer()
  await new Promise<void>((resolve) => other.listen(0, resolve))
  const port = (other.address() as AddressInfo).port
  const lines: string[] = []
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) })
  const server = http.createServer()
  const code = await new Promise<number>((resolve) => listenOrExit(server, port, logger, resolve))
  other.close()
  expect(code).toBe(EXIT_CANNOT_LISTEN)
  expect(lines.join('')).toContain(`Cannot listen on port ${port}: another program already uses it`)
})

it('listens on a free port', async () => {
  const lines: string[] = []
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) })
  const server = http.createServer()
  const listening = new Promise((resolve) => server.once('listening', resolve))
  listenOrExit(server, 0, logger, () => expect.unreachable('exit'))
  await listening
  server.close()
  expect(lines.join('')).toContain('MegiLance listening on')
})

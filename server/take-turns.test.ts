import type { Request, Response } from 'express'
import { expect, it } from 'vitest'
import { logMixin, runWithRequestId } from '../app/utils/request-context.server'
import { takeTurns } from './take-turns'

const req = {} as Request
const res = {} as Response
const turn = () => new Promise<void>((resolve) => setImmediate(resolve))

it('starts one request per turn, so one back from a wait goes on before those that came after it', async () => {
  const middleware = takeTurns()
  const seen: string[] = []
  const done = new Promise<void>((resolve) => {
    middleware(req, res, () => {
      seen.push('A starts')
      // A real wait (the primary's count, the password hash): A goes on in a later turn.
      void turn().then(() => seen.push('A goes on'))
    })
    middleware(req, res, () => seen.push('B starts'))
    middleware(req, res, () => seen.push('C starts'))
    middleware(req, res, () => seen.push('D starts'))
    middleware(req, res, () => resolve())
  })
  expect(seen).toEqual([])
  await done
  expect(seen).toEqual(['A starts', 'B starts', 'A goes on', 'C starts', 'D starts'])
})

it('goes on in the context of the request that waited (its id in the log lines)', async () => {
  const middleware = takeTurns()
  const ids = await Promise.all(
    ['first-request', 'second-request'].map(
      (id) =>
        new Promise<string | undefined>((resolve) =>
          runWithRequestId(id, () => middleware(req, res, () => resolve(logMixin().reqId))),
        ),
    ),
  )
  expect(ids).toEqual(['first-request', 'second-request'])
})

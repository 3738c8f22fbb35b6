import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { run } from '../requests'
import { trackChanges } from './db-changes'
import { bodyInit, formBody, formVocabulary, type FuzzBody } from './fuzz-bodies'
import { importRoute, listRouteIds, routePath } from './route-modules'
import { createWorld, ROLES, type Role } from './world'

// Reproduce a failure with the seed it prints: FUZZ_SEED=<seed> npx vitest run app/test/reliability/fuzz-actions.test.ts
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31)
const RUNS = Number(process.env.FUZZ_RUNS ?? 200)
const ROUTES_DIR = fileURLToPath(new URL('../../routes', import.meta.url))
console.log(`fuzz-actions: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}`)

const actionIds: string[] = []
for (const id of listRouteIds()) if ((await importRoute(id)).action) actionIds.push(id)

function changedTables(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after].filter(([table, n]) => before.get(table) !== n).map(([table]) => table)
}

/** A refusal: an error status, or being sent to sign in. */
function refused(response: Response): boolean {
  return response.status >= 400 || (response.headers.get('location') ?? '').startsWith('/sign-in')
}

describe('fuzzing every action', () => {
  it.each(actionIds)('%s never answers 5xx and changes nothing when it refuses', async (id) => {
    const world = await createWorld()
    const changes = trackChanges()
    const params = world.paramsFor(id)
    const url = `http://localhost${routePath(id, params)}`
    const cookies = Object.fromEntries(
      await Promise.all(ROLES.map(async (role) => [role, await world.cookieFor(role)])),
    )
    const file = fs.readdirSync(ROUTES_DIR).find((name) => name.replace(/\.tsx?$/, '') === id)!
    const vocabulary = formVocabulary(path.join(ROUTES_DIR, file))
    const action = (await importRoute(id)).action!

    const statuses = new Map<number, number>()
    const attempt = async (role: Role, body: FuzzBody) => {
      // Let the worker answer vitest between cases: without real I/O the whole run is one long microtask chain.
      await new Promise((resolve) => setImmediate(resolve))
      const before = changes.perTable()
      const init = bodyInit(body)
      const cookie = cookies[role] as string | undefined
      const request = new Request(url, {
        method: 'POST',
        body: init.body,
        headers: { ...init.headers, ...(cookie ? { cookie } : {}) },
      })
      let response: Response
      try {
        response = await run(action, request, params)
      } catch (error) {
        throw new Error(`${role} got a 500: ${error instanceof Error ? error.stack : String(error)}`)
      }
      await response.body?.cancel()
      if (process.env.FUZZ_STATS) statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
      expect(response.status, `${role} got ${response.status}`).toBeLessThan(500)
      if (refused(response))
        expect(changedTables(before, changes.perTable()), `${role} was refused (${response.status})`).toEqual([])
    }

    await fc.assert(fc.asyncProperty(fc.constantFrom(...ROLES), formBody(vocabulary, Object.values(params)), attempt), {
      seed: SEED,
      numRuns: RUNS,
      endOnFailure: true,
    })
    if (process.env.FUZZ_STATS) console.log(id, JSON.stringify(Object.fromEntries(statuses)))
  })
})

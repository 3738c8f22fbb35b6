import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { run } from '../requests'
import { formBody, formVocabulary } from './fuzz-bodies'
import { importRoute, listRouteIds, routePath } from './route-modules'
import { createWorld, ROLES, type Role } from './world'

// Reproduce a failure with the seed it prints: FUZZ_SEED=<seed> npx vitest run app/test/reliability/fuzz-loaders.test.ts
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31)
const RUNS = Number(process.env.FUZZ_LOADER_RUNS ?? 60)
const APP_DIR = fileURLToPath(new URL('../..', import.meta.url))
const ROUTES_DIR = path.join(APP_DIR, 'routes')
console.log(`fuzz-loaders: FUZZ_SEED=${SEED} FUZZ_LOADER_RUNS=${RUNS}`)

/** Every query parameter name the app reads anywhere (`.get('q')`, `.getAll('skill')`…), found in its source. */
function queryNamesInApp(): string[] {
  const names = new Set(['q', 'page', 'sort', 'from', 'to', 'range', 'status', 'type', 'tab', 'cursor', 'limit'])
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) visit(file)
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        const source = fs.readFileSync(file, 'utf8')
        for (const match of source.matchAll(/\.(?:get|getAll|has)\(['"]([a-z][\w.]*)['"]\)/g)) names.add(match[1]!)
      }
    }
  }
  visit(APP_DIR)
  return [...names]
}

/** Query strings no form would make: broken escapes, empty names, a very long one. */
const RAW_QUERIES = [
  '%',
  '%E0%A4%A',
  '&&==&',
  '=x',
  'q=%00',
  'page=1&page=2&page=-1',
  `q=${'a'.repeat(20_000)}`,
  '+'.repeat(50),
]

const loaderIds: string[] = []
for (const id of listRouteIds()) if ((await importRoute(id)).loader) loaderIds.push(id)
const appNames = queryNamesInApp()

describe('fuzzing every loader with odd query strings', () => {
  it.each(loaderIds)('%s never answers 5xx', async (id) => {
    const world = await createWorld()
    const params = world.paramsFor(id)
    const pagePath = routePath(id, params)
    const cookies = Object.fromEntries(
      await Promise.all(ROLES.map(async (role) => [role, await world.cookieFor(role)])),
    )
    const file = fs.readdirSync(ROUTES_DIR).find((name) => name.replace(/\.tsx?$/, '') === id)!
    const own = formVocabulary(path.join(ROUTES_DIR, file))
    const vocabulary = { fields: [...new Set([...own.fields, ...appNames])], values: own.values }
    const loader = (await importRoute(id)).loader!

    const attempt = async (role: Role, search: string) => {
      // Let the worker answer vitest between cases (see fuzz-actions).
      await new Promise((resolve) => setImmediate(resolve))
      const cookie = cookies[role] as string | undefined
      const request = new Request(`http://localhost${pagePath}?${search}`, { headers: cookie ? { cookie } : {} })
      let response: Response
      try {
        response = await run(loader, request, params)
      } catch (error) {
        throw new Error(
          `${role} got a 500 for ?${search.slice(0, 300)}: ${error instanceof Error ? error.stack : String(error)}`,
        )
      }
      await response.body?.cancel() // event streams never end by themselves
      expect(response.status, `${role} got ${response.status} for ?${search.slice(0, 300)}`).toBeLessThan(500)
    }

    const search = fc.oneof(
      {
        weight: 9,
        arbitrary: formBody(vocabulary, Object.values(params)).map((body) =>
          new URLSearchParams(body.entries).toString(),
        ),
      },
      { weight: 1, arbitrary: fc.constantFrom(...RAW_QUERIES) },
    )
    await fc.assert(fc.asyncProperty(fc.constantFrom(...ROLES), search, attempt), {
      seed: SEED,
      numRuns: RUNS,
      endOnFailure: true,
    })
  })
})

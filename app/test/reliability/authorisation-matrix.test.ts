import { beforeAll, describe, expect, it } from 'vitest'
import { getRequest, run } from '../requests'
import { EXPECTED, type Row } from './authorisation-matrix.table'
import { importRoute, listRouteIds, routePath } from './route-modules'
import { createWorld, ROLES, type Role, type World } from './world'

let world: World
beforeAll(async () => {
  world = await createWorld()
})

/** The status one role gets from a loader (GET) or action (an empty form POST); a thrown error is the 500 it would be. */
async function statusOf(id: string, kind: 'loader' | 'action', role: Role): Promise<number> {
  const handler = (await importRoute(id))[kind]!
  const params = world.paramsFor(id)
  const cookie = await world.cookieFor(role)
  const url = routePath(id, params)
  const request =
    kind === 'loader'
      ? getRequest(url, cookie)
      : new Request(`http://localhost${url}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
          body: '',
        })
  try {
    const response = await run(handler, request, params)
    await response.body?.cancel() // event streams never end by themselves
    return response.status
  } catch {
    return 500
  }
}

async function observedRow(id: string): Promise<Row> {
  const module = await importRoute(id)
  const cells = async (kind: 'loader' | 'action') => {
    if (!module[kind]) return '-'
    const statuses: number[] = []
    for (const role of ROLES) statuses.push(await statusOf(id, kind, role))
    return statuses.join(' ')
  }
  return [await cells('loader'), await cells('action')]
}

const format = (id: string, row: Row) => `  '${id}': ['${row[0]}', '${row[1]}'],`

describe('authorisation matrix', () => {
  const ids = listRouteIds()

  it('has a row for every route module and none for a route that is gone', async () => {
    const missing = ids.filter((id) => !(id in EXPECTED))
    const rows = await Promise.all(missing.map(async (id) => format(id, await observedRow(id))))
    expect(
      missing,
      `Routes without a row in app/test/reliability/authorisation-matrix.table.ts. Check these observed rows ` +
        `(columns: ${ROLES.join(' ')}) are what each role should get, then add them:\n${rows.join('\n')}\n`,
    ).toEqual([])
    expect(Object.keys(EXPECTED).filter((id) => !ids.includes(id))).toEqual([])
  })

  it.each(ids.filter((id) => id in EXPECTED))('%s answers each role as its row says', async (id) => {
    const observed = await observedRow(id)
    expect(format(id, observed), `observed (columns: ${ROLES.join(' ')})`).toBe(format(id, EXPECTED[id]!))
  })
})

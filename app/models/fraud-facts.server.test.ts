import { afterEach, describe, expect, it, vi } from 'vitest'
import { getDb } from './db.server'
import { loadFraudFacts } from './fraud-facts.server'

afterEach(() => vi.restoreAllMocks())

/** The SQL each query of a run of `load` prepared. */
async function preparedBy(load: () => Promise<unknown>): Promise<string[]> {
  const sqlite = getDb().$client
  const prepare = sqlite.prepare.bind(sqlite)
  const sources: string[] = []
  vi.spyOn(sqlite, 'prepare').mockImplementation(((source: string) => {
    sources.push(source)
    return prepare(source)
  }) as typeof sqlite.prepare)
  await load()
  return sources
}

/** SQLite's plan for `source`, one line per step, with every parameter bound to 0. */
function plan(source: string): string[] {
  const parameters = source.match(/\?/g)?.length ?? 0
  const rows = getDb()
    .$client.prepare(`explain query plan ${source}`)
    .all(...Array<number>(parameters).fill(0)) as { id: number; parent: number; detail: string }[]
  return rows.map((row) => {
    const parent = rows.find((candidate) => candidate.id === row.parent)
    return parent ? `${parent.detail} > ${row.detail}` : row.detail
  })
}

describe('the fraud sweep reads its facts through indexes', () => {
  // The sweep runs every query once per record of an outer table: a subquery that scans a whole table
  // made the sweep over the large seed quadratic (57,000 submitted milestones × 10,000 disputes).
  it('never scans a whole table once per row of another', async () => {
    const sources = await preparedBy(() => loadFraudFacts({ since: new Date(0) }))
    expect(sources.length).toBeGreaterThan(10)
    const scansPerRow = sources.flatMap(plan).filter((step) => /CORRELATED .* > SCAN /.test(step))
    expect(scansPerRow).toEqual([])
  })
})

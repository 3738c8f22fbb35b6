import { afterEach, describe, expect, it, vi } from 'vitest'
import { bulkProject } from '~/test/bulk-projects'
import { createTestUser } from '~/test/users'
import { getDb } from './db.server'
import { insertProjectsBulk, listNewestOpenProjectsOfClient } from './projects.server'

const DAY_MS = 86_400_000

afterEach(() => vi.restoreAllMocks())

describe("a client's newest open projects (a freelancer's profile offers them for invitations)", () => {
  it('lists only open, visible ones, newest first, at most the number asked', async () => {
    const client = await createTestUser('client')
    const start = Date.UTC(2026, 0, 1)
    await insertProjectsBulk([
      ...Array.from({ length: 7 }, (_, i) =>
        bulkProject(client.id, new Date(start + i * DAY_MS), { title: `Open ${i}` }),
      ),
      bulkProject(client.id, new Date(start + 10 * DAY_MS), {
        title: 'Closed',
        status: 'closed',
        closeReason: 'no_hire',
        closedAt: new Date(start + 11 * DAY_MS),
      }),
      bulkProject(client.id, new Date(start + 12 * DAY_MS), {
        title: 'Hidden',
        hiddenAt: new Date(start + 13 * DAY_MS),
        hiddenReason: 'Spam',
      }),
    ])
    const listed = await listNewestOpenProjectsOfClient(client.id, 5)
    expect(listed.map((project) => project.title)).toEqual(['Open 6', 'Open 5', 'Open 4', 'Open 3', 'Open 2'])
  })

  // Read on every client's visit to a profile: a client of the large seed has thousands of projects.
  it('reads them from an index in order, without sorting all of the client’s projects', async () => {
    const sqlite = getDb().$client
    const prepare = sqlite.prepare.bind(sqlite)
    const sources: string[] = []
    vi.spyOn(sqlite, 'prepare').mockImplementation(((source: string) => {
      sources.push(source)
      return prepare(source)
    }) as typeof sqlite.prepare)
    await listNewestOpenProjectsOfClient('someone', 5)
    vi.restoreAllMocks()
    expect(sources).toHaveLength(1)
    const parameters = sources[0]!.match(/\?/g)?.length ?? 0
    const plan = (
      sqlite.prepare(`explain query plan ${sources[0]}`).all(...Array<string>(parameters).fill('x')) as {
        detail: string
      }[]
    )
      .map((step) => step.detail)
      .join('\n')
    expect(plan).toContain('projects_client_status_created_idx')
    expect(plan).not.toContain('TEMP B-TREE')
  })
})

import { beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '~/models/db.server'
import { callAttendances, callRecordings } from '~/models/schema'
import { loader } from '~/routes/_portal.admin.calls'
import { insertContractCall } from '~/test/contract-call'
import { createFixedContract } from '~/test/fixed-contract'
import { getRequest, run } from '~/test/requests'
import { createTestUser, signedInCookie } from '~/test/users'

/**
 * The admin's call monitoring: the calls going on now with who is connected, the period's figures
 * (calls, time, browsers that never connected, calls nobody else joined) and its calls, for admins
 * only, and without anything of what was said or shown.
 */

const HOUR = 3_600_000
const MINUTE = 60_000

function attend(callId: string, userId: string, admittedAt: Date, joinedAt: Date | null, leftAt: Date | null = null) {
  getDb()
    .insert(callAttendances)
    .values({ peerId: crypto.randomUUID(), callId, userId, admittedAt, joinedAt, leftAt })
    .run()
}

async function world() {
  const now = Date.now()
  const { client, freelancer, contract } = await createFixedContract()
  // Going on for 20 minutes: both sides connected, and a second browser of the freelancer's that never did.
  const live = await insertContractCall(contract, new Date(now - 20 * MINUTE))
  attend(live, client.id, new Date(now - 20 * MINUTE), new Date(now - 20 * MINUTE))
  attend(live, freelancer.id, new Date(now - 19 * MINUTE), new Date(now - 19 * MINUTE))
  attend(live, freelancer.id, new Date(now - 10 * MINUTE), null)
  getDb()
    .insert(callRecordings)
    .values({
      id: crypto.randomUUID(),
      callId: live,
      startedBy: client.id,
      mode: 'video',
      contentType: 'video/webm',
      startedAt: new Date(now - 5 * MINUTE),
    })
    .run()
  // Two days ago, 30 minutes, and nobody but the client came.
  const alone = await insertContractCall(contract, new Date(now - 48 * HOUR), new Date(now - 48 * HOUR + 30 * MINUTE))
  attend(
    alone,
    client.id,
    new Date(now - 48 * HOUR),
    new Date(now - 48 * HOUR),
    new Date(now - 48 * HOUR + 30 * MINUTE),
  )
  // Ten days ago: outside the default week.
  const old = await insertContractCall(contract, new Date(now - 240 * HOUR), new Date(now - 240 * HOUR + 10 * MINUTE))
  attend(old, client.id, new Date(now - 240 * HOUR), new Date(now - 240 * HOUR), new Date(now - 239 * HOUR))
  attend(old, freelancer.id, new Date(now - 240 * HOUR), new Date(now - 240 * HOUR), new Date(now - 239 * HOUR))
  const admin = await createTestUser('admin')
  return {
    client,
    freelancer,
    contract,
    live,
    alone,
    adminCookie: await signedInCookie(admin.id, { secondFactorAt: new Date() }),
  }
}

type Page = {
  filter: { period: string }
  live: {
    id: string
    title: string
    connectedNow: number
    neverConnected: number
    recording: string | null
    people: { name: string }[]
  }[]
  figures: {
    started: number
    totalMs: number
    medianMs: number | null
    aloneCalls: number
    admitted: number
    neverConnected: number
  }
  calls: { id: string; ongoing: boolean }[]
  total: number
}

async function open(path: string, cookie: string): Promise<Page> {
  const response = await run(loader, getRequest(path, cookie))
  expect(response.status).toBe(200)
  return (await response.json()) as Page
}

describe('/admin/calls', () => {
  // One set of calls for every test (the test file's database is shared by its tests).
  let calls: Awaited<ReturnType<typeof world>>
  beforeAll(async () => {
    calls = await world()
  })

  it('is for admins only', async () => {
    const { client, freelancer } = calls
    for (const user of [client, freelancer])
      expect((await run(loader, getRequest('/admin/calls', await signedInCookie(user.id)))).status).toBe(403)
    expect((await run(loader, getRequest('/admin/calls'))).status).toBe(302)
  })

  it('lists the calls going on now with who is connected, a browser that never connected and a running recording', async () => {
    const { client, freelancer, contract, live, adminCookie } = calls
    const page = await open('/admin/calls', adminCookie)
    expect(page.live).toHaveLength(1)
    const [call] = page.live
    expect(call).toMatchObject({
      id: live,
      title: contract.title,
      connectedNow: 2,
      neverConnected: 1,
      recording: 'running',
    })
    expect(call!.people.map((person) => person.name).sort()).toEqual([client.name, freelancer.name].sort())
  })

  it("gives the period's figures and calls: the last 7 days unless another period is asked for", async () => {
    const { live, alone, adminCookie } = calls
    const week = await open('/admin/calls', adminCookie)
    expect(week.filter.period).toBe('7d')
    expect(week.figures).toMatchObject({ started: 2, aloneCalls: 1, admitted: 4, neverConnected: 1 })
    // Only ended calls count towards time in calls: the lone 30-minute one.
    expect(week.figures.totalMs).toBe(30 * MINUTE)
    expect(week.figures.medianMs).toBe(30 * MINUTE)
    expect(week.calls.map((call) => call.id)).toEqual([live, alone])
    expect(week.calls[0]!.ongoing).toBe(true)

    const day = await open('/admin/calls?period=24h', adminCookie)
    expect(day.calls.map((call) => call.id)).toEqual([live])
    expect(day.figures.medianMs).toBeNull()
    expect((await open('/admin/calls?period=30d', adminCookie)).total).toBe(3)
    // A period nobody offers reads as the default rather than failing.
    expect((await open('/admin/calls?period=forever', adminCookie)).filter.period).toBe('7d')
  })
})

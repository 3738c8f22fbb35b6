import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '~/models/db.server'
import { ensureSkills } from '~/models/profiles.server'
import { insertProjectsBulk, type BulkProject } from '~/models/projects.server'
import { insertFixedContract } from '~/test/escrow-fixtures'
import { bulkProject } from '~/test/bulk-projects'
import { createTestUser } from '~/test/users'
import { writeFundedRelease } from '~/test/wallet'
import { loadAdminAnalytics } from './admin-analytics.server'
import { rollUpDays, runNightlyRollup } from './rollups.server'

const at = (text: string) => new Date(text)
const NOW = at('2026-03-01T09:00:00Z')
const RANGE = { range: 'custom', from: '2026-01-31', to: '2026-02-02' } as const

/** A hired project, moved back to `posted`, released on `paid`: the freelancer gets 90 %, the fee 10 %. */
async function paidContract(clientId: string, freelancerId: string, amountMinor: number, posted: string, paid: string) {
  const { contract, milestoneIds } = await insertFixedContract({ clientId, freelancerId, amounts: [amountMinor] })
  getDb().run(sql`update projects set created_at = ${at(posted).getTime()} where id = ${contract.projectId}`)
  getDb().run(
    sql`update proposals set created_at = ${at(posted).getTime() + 3_600_000} where project_id = ${contract.projectId}`,
  )
  getDb().run(
    sql`update milestones set status = 'released', released_at = ${at(paid).getTime()} where id = ${milestoneIds[0]!}`,
  )
  getDb().run(sql`update contracts set status = 'ended' where id = ${contract.id}`)
  writeFundedRelease(contract, amountMinor, { fundedAt: at(posted), releasedAt: at(paid) })
  return contract
}

/** The page's figures; the escrow chart opens with the rolled-up days before the range, so it needs rollups. */
const figures = (analytics: Awaited<ReturnType<typeof loadAdminAnalytics>>) => {
  const { cards, charts, tables, completion } = analytics
  return { cards, charts: charts.filter((c) => c.id !== 'escrow'), tables, completion }
}

describe('admin figures beyond the daily sums', () => {
  it('gives the same active users, top tables, statuses, skills and funnel from the rollups as live, as computed by hand', async () => {
    const skill = await ensureSkills(['Rust', 'Go'])
    const ann = await createTestUser('client', { name: 'Ann' })
    const bob = await createTestUser('client', { name: 'Bob' })
    const fay = await createTestUser('freelancer', { name: 'Fay' })
    const gus = await createTestUser('freelancer', { name: 'Gus' })
    const cal = await createTestUser('client', { name: 'Cal' })
    // Ann pays Fay twice (100.00 + 40.00), Bob pays Gus 120.00; Fay earns 126.00, Gus 108.00.
    await paidContract(ann.id, fay.id, 10_000, '2026-01-31T08:00:00Z', '2026-02-01T12:00:00Z')
    await paidContract(ann.id, fay.id, 4_000, '2026-01-20T08:00:00Z', '2026-02-02T12:00:00Z')
    await paidContract(bob.id, gus.id, 12_000, '2026-01-10T08:00:00Z', '2026-02-02T13:00:00Z')
    let n = 0
    const project = (posted: string, budgetMax: number, skills: string[], extra: Partial<BulkProject> = {}) =>
      bulkProject(cal.id, at(posted), {
        id: `detail-${++n}`,
        title: `Project ${n}`,
        budgetMinMinor: 100,
        budgetMaxMinor: budgetMax,
        skillIds: skills.map((s) => skill.get(s)!),
        ...extra,
      })
    await insertProjectsBulk([
      project('2026-01-31T10:00:00Z', 50_000, ['Rust']),
      project('2026-02-01T10:00:00Z', 20_000, ['Rust', 'Go'], { status: 'closed', closeReason: 'no_hire' }),
      project('2026-02-02T10:00:00Z', 900_000, ['Go'], { currency: 'EUR' }),
      project('2026-01-30T10:00:00Z', 800_000, ['Go']),
    ])

    const live = await loadAdminAnalytics(RANGE, NOW)
    expect(live.liveDays).toBe(3)
    expect(live.statusAsOf).toBeNull()
    const cards = Object.fromEntries(live.cards.map((c) => [c.id, c]))
    // Active in the range: Ann (posted on 31 Jan), Fay (proposed on 31 Jan), Cal (posted 3); in the 3 days before, Cal.
    expect(cards.activeUsers).toMatchObject({ value: 3, previous: 1 })
    const chart = (id: string) => live.charts.find((c) => c.id === id)!.data.series[0]!.values
    // Posted in the range: Ann's hired project, and Cal's three (one closed without a hire).
    expect(chart('project-status')).toEqual([2, 1, 1])
    expect(chart('funnel')).toEqual([4, 1, 1, 1])
    const table = (id: string) => live.tables.find((t) => t.id === id)!.rows
    expect(table('top-freelancers')).toEqual([
      ['Fay', 12_600],
      ['Gus', 10_800],
    ])
    expect(table('top-clients')).toEqual([
      ['Ann', 14_000],
      ['Bob', 12_000],
    ])
    expect(table('top-projects').map((r) => r[2])).toEqual([50_000, 20_000, 10_000])

    // The same range through the rollups: every figure agrees with the live count.
    expect(await rollUpDays('2026-01-01', '2026-02-28', NOW)).toBe(59)
    const rolled = await loadAdminAnalytics(RANGE, NOW)
    expect(rolled.liveDays).toBe(0)
    expect(rolled.statusAsOf).toBe('1 Mar 2026 09:00')
    expect(figures(rolled)).toEqual(figures(live))

    // A status changes after the count: the nightly recount the next day catches up with the source.
    getDb().run(sql`update projects set status = 'closed', close_reason = 'no_hire' where id = 'detail-1'`)
    await runNightlyRollup(at('2026-03-02T01:00:00Z'))
    const recounted = await loadAdminAnalytics(RANGE, at('2026-03-02T01:00:00Z'))
    expect(recounted.charts.find((c) => c.id === 'project-status')!.data.series[0]!.values).toEqual([1, 1, 2])
    expect(figures(recounted)).toEqual(figures(await loadLiveOnly()))
  })
})

/** The range counted from the sources alone: the rollups emptied. */
async function loadLiveOnly() {
  getDb().run(sql`delete from analytics_daily`)
  getDb().run(sql`delete from analytics_daily_people`)
  getDb().run(sql`delete from analytics_daily_postings`)
  return loadAdminAnalytics(RANGE, at('2026-03-02T01:00:00Z'))
}

import { describe, expect, it } from 'vitest'
import { getDb } from '~/models/db.server'
import { insertProjectsBulk, type BulkProject } from '~/models/projects.server'
import { proposals } from '~/models/schema'
import { bulkProject } from '~/test/bulk-projects'
import { createTestUser } from '~/test/users'
import { churnCsv, churnPage, loadChurnRisk } from './churn.server'

const DAY = 86_400_000

const projectAt = (clientId: string, at: number) => bulkProject(clientId, new Date(at))

describe('churn risk', () => {
  it('falls back to the rule score on a small platform, with reasons, filters and the same rows in the CSV', async () => {
    const now = Date.parse('2025-03-01T00:00:00Z')
    const poster = await createTestUser('client') // posted before the 90 days: not listed
    const client = await createTestUser('client', { name: 'Cleo Steady' })
    const freelancer = await createTestUser('freelancer', { name: 'Fred Fading' })
    const old = Array.from({ length: 7 }, () => projectAt(poster.id, now - 100 * DAY))
    await insertProjectsBulk([...old, projectAt(client.id, now - 5 * DAY)])
    // Six proposals 80–55 days ago, one 30 days ago; none answered.
    const days = [80, 75, 70, 65, 60, 55, 30]
    getDb()
      .insert(proposals)
      .values(
        days.map((d, i) => ({
          projectId: old[i]!.id,
          freelancerId: freelancer.id,
          coverLetter: 'Hello',
          bidType: 'fixed' as const,
          bidAmountMinor: 1_000,
          currency: 'USD',
          durationDays: 7,
          id: crypto.randomUUID(),
          createdAt: new Date(now - d * DAY),
          updatedAt: new Date(now - d * DAY),
        })),
      )
      .run()

    const page = await churnPage({ page: 1 }, new Date(now))
    expect(page.method.kind).toBe('rules')
    expect(page.method.auc).toBeNull()
    expect(page.rows.map((r) => [r.name, Math.round(r.risk * 100), r.band])).toEqual([
      ['Fred Fading', 65, 'high'],
      ['Cleo Steady', 0, 'low'],
    ])
    expect(page.rows[0]!.reasons).toEqual([
      'Activity fell from 6 to 1 actions (last 45 days against the 45 before)',
      'Nothing done for 30 days',
      '7 proposals unanswered for two weeks or more',
    ])
    expect(page.bands).toEqual({ high: 1, medium: 0, low: 1 })

    const clients = await loadChurnRisk({ role: 'client' }, new Date(now))
    expect(clients.rows.map((r) => r.name)).toEqual(['Cleo Steady'])
    const csv = (await churnCsv({ band: 'high' }, new Date(now))).trim().split('\n')
    expect(csv[0]).toBe('user_id,name,email,role,band,risk_percent,days_idle,reasons')
    expect(csv).toHaveLength(2)
    expect(csv[1]).toContain(`${freelancer.id},Fred Fading,`)
    expect(csv[1]).toContain(',freelancer,high,65,30,Activity fell from 6 to 1 actions')
  })

  it('fits a logistic regression on the older cut-off once there are enough accounts, and measures it on the newer one', async () => {
    const now = Date.parse('2026-06-01T00:00:00Z')
    const fitCutoff = now - 120 * DAY
    const testCutoff = now - 60 * DAY
    const rows: BulkProject[] = []
    for (let i = 0; i < 240; i++) {
      const client = await createTestUser('client')
      // Stayers post every 10 days until now; leavers slow down, then stop before a cut-off.
      const group = i % 4 === 0 ? 'leaves-early' : i % 4 === 1 ? 'leaves-late' : 'stays'
      const stop =
        group === 'leaves-early' ? fitCutoff - 10 * DAY : group === 'leaves-late' ? testCutoff - 10 * DAY : now
      for (let at = now - 210 * DAY + (i % 10) * DAY; at < stop; at += group === 'stays' ? 10 * DAY : 20 * DAY)
        rows.push(projectAt(client.id, at))
    }
    await insertProjectsBulk(rows)

    const { evaluation } = await loadChurnRisk({}, new Date(now))
    expect(evaluation.kind).toBe('model')
    // At the older cut-off only the early leavers left; at the newer one both groups had, less the
    // 12 early leavers (i a multiple of 20) whose last project, 150 days ago, is outside its 90 days.
    expect(evaluation.trained).toEqual({ accounts: 240, left: 60 })
    expect(evaluation.heldOut).toEqual({ accounts: 228, left: 108 })
    expect(evaluation.kind === 'model' && evaluation.auc).toBeGreaterThan(0.9)
    const page = await churnPage({ page: 1, band: 'high' }, new Date(now))
    expect(page.method.weights).toHaveLength(8)
    expect(page.rows.every((r) => r.risk >= 0.5)).toBe(true)
  })
})

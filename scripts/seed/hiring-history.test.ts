import { describe, expect, it } from 'vitest'
import { DAY_MS } from '~/domain/durations'
import { getDb } from '~/models/db.server'
import { insertUsersBulk, type BulkUser } from '~/models/large-seed.server'
import { checkLedgerInvariants } from '~/models/ledger.server'
import { ensureSkills } from '~/models/profiles.server'
import { freelancerRecordOf, freelancerRecordsOf } from '~/services/marketplace/freelancer-records.server'
import { SKILLS } from '~/services/marketplace/skills-taxonomy'
import { smoothedRatingOfTotals } from '~/domain/smoothed-rating'

process.env.LARGE_SEED_HISTORY_PROJECTS = '400'

describe('planted hiring history', () => {
  it('hires by skill and budget, settles and reviews with a balanced ledger, churns, and batched records equal single ones', async () => {
    const { seedHiringHistory } = await import('./hiring-history')
    const now = Date.parse('2026-12-01T00:00:00Z')
    const skillIds = await ensureSkills([...SKILLS.slice(0, 12)])
    const ids = [...skillIds.values()]
    const users: BulkUser[] = [
      ...Array.from({ length: 10 }, (_, i): BulkUser => ({
        id: `client-${i}`,
        email: `client${i}@large.megilance.test`,
        name: `Client ${i}`,
        role: 'client',
        passwordHash: 'x',
        createdAt: now - 500 * DAY_MS,
        company: 'Co',
      })),
      ...Array.from({ length: 40 }, (_, i): BulkUser => ({
        id: `freelancer-${i}`,
        email: `freelancer${i}@large.megilance.test`,
        name: `Freelancer ${i}`,
        role: 'freelancer',
        passwordHash: 'x',
        createdAt: now - 500 * DAY_MS,
        headline: 'Developer',
        bio: 'Builds things.',
        hourlyRateMinor: 3_000 + i * 100,
        experienceLevel: (['entry', 'intermediate', 'expert'] as const)[i % 3]!,
        skillIds: [ids[i % 12]!, ids[(i + 5) % 12]!],
      })),
    ]
    await insertUsersBulk(users)
    const summary = await seedHiringHistory(now)
    expect(summary).toMatch(/ledger invariants hold/)
    expect(await checkLedgerInvariants()).toEqual({
      unbalancedCurrencies: [],
      negativeAccounts: 0,
      unbalancedTransactions: 0,
    })

    const freelancers = users.filter((u) => u.role === 'freelancer').map((u) => u.id)
    const batched = await freelancerRecordsOf(freelancers, new Date(now))
    for (const id of freelancers) expect(batched.get(id)).toEqual(await freelancerRecordOf(id, new Date(now)))
    expect([...batched.values()].some((r) => r.endedContracts > 0 && r.reviewCount > 0)).toBe(true)

    // Realism: among applicants to projects that hired, skill share and a bid within budget raise the chance.
    const hireRate = (where: string) =>
      getDb()
        .$client.prepare(
          `select avg(pr.status = 'accepted') as rate from proposals pr join projects pj on pj.id = pr.project_id
            where pj.close_reason = 'hired' and pr.status in ('accepted', 'not_hired') and ${where}`,
        )
        .get() as { rate: number }
    const holds = `exists (select 1 from project_skills ps join freelancer_skills fs on fs.skill_id = ps.skill_id
                     where ps.project_id = pj.id and fs.user_id = pr.freelancer_id)`
    expect(hireRate(holds).rate).toBeGreaterThan(1.5 * hireRate(`not ${holds}`).rate)
    const fixed = `pj.budget_type = 'fixed' and pr.bid_amount_minor`
    expect(hireRate(`${fixed} <= pj.budget_max_minor`).rate).toBeGreaterThan(
      hireRate(`${fixed} > pj.budget_max_minor`).rate,
    )
    // Churn: some freelancers who used to propose have gone quiet for the last 60 days.
    const quiet = getDb()
      .$client.prepare(
        `select count(*) as n from (select max(created_at) as last from proposals group by freelancer_id) where last < ?`,
      )
      .get(now - 60 * DAY_MS) as { n: number }
    expect(quiet.n).toBeGreaterThan(0)

    // The talent search's stored rating is the rank formula over the folded review totals, and a
    // bulk-loaded freelancer has been listed since they joined.
    const talent = getDb()
      .$client.prepare(
        `select f.rating_count as count, f.rating_smoothed as smoothed, f.listed_at as listedAt,
           coalesce(rt.rating_sum, 0) as sum, coalesce(rt.review_count, 0) as reviews
         from freelancer_profiles f left join review_rating_totals rt
           on rt.direction = 'client_to_freelancer' and rt.reviewee_id = f.user_id
         where f.user_id like 'freelancer-%'`,
      )
      .all() as { count: number; smoothed: number; listedAt: number; sum: number; reviews: number }[]
    expect(talent).toHaveLength(40)
    expect(talent.some((row) => row.reviews > 0)).toBe(true)
    for (const row of talent) {
      expect(row).toMatchObject({ count: row.reviews, listedAt: now - 500 * DAY_MS })
      expect(row.smoothed).toBeCloseTo(smoothedRatingOfTotals(row.sum, row.reviews), 12)
    }
  })
})

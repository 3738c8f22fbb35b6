import { describe, expect, it } from 'vitest'
import { DAY_MS } from '~/domain/durations'
import { freelancerRecordsOf } from '~/models/freelancer-records.server'
import { insertUsersBulk, type BulkUser } from '~/models/large-seed.server'
import { checkLedgerInvariants } from '~/models/ledger.server'
import { ensureSkills } from '~/models/profiles.server'
import { freelancerRecordOf } from '~/models/rank.server'
import { SKILLS } from '~/services/marketplace/skills-taxonomy'

process.env.LARGE_SEED_HISTORY_PROJECTS = '400'

describe('planted hiring history', () => {
  it('hires, settles and reviews with a balanced ledger, and batched records equal single ones', async () => {
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
  })
})

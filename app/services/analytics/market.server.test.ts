import { describe, expect, it } from 'vitest'
import { ensureSkills, replaceFreelancerSkills, updateFreelancerProfile } from '~/models/profiles.server'
import { insertProjectsBulk, type BulkProject } from '~/models/projects.server'
import { blockUser } from '~/models/users.server'
import { bulkProject } from '~/test/bulk-projects'
import { createTestUser } from '~/test/users'
import { saveMarketSnapshot } from '~/models/analytics-rollups.server'
import { loadMarket, snapshotMarket, suggestSkills } from './market.server'

const at = (text: string) => new Date(`${text}T12:00:00Z`)
// The 90-day window ends here; its halves meet 45 days earlier, on 1 May 00:00 UTC.
const NOW = new Date('2026-06-15T00:00:00Z')

describe('market intelligence', () => {
  it('counts demand, trend, median budget and rate by level, supply and the rising skills as computed by hand', async () => {
    const skill = await ensureSkills(['Rust', 'Go', 'Elm'])
    const client = await createTestUser('client')
    let n = 0
    const project = (skills: string[], posted: string, budget: [number, number], extra: Partial<BulkProject> = {}) =>
      bulkProject(client.id, at(posted), {
        id: `market-${++n}`,
        title: `Project ${n}`,
        budgetMinMinor: budget[0],
        budgetMaxMinor: budget[1],
        skillIds: skills.map((s) => skill.get(s)!),
        ...extra,
      })
    await insertProjectsBulk([
      // Rust: 1 before the halfway mark, 3 after → +200 %; fixed USD midpoints 2,000 and 5,000 → median 3,500;
      // by level: intermediate 2,000, expert 5,000.
      project(['Rust'], '2026-04-01', [1_000, 3_000]),
      project(['Rust'], '2026-05-10', [4_000, 6_000], { experienceLevel: 'expert' }),
      project(['Rust'], '2026-05-20', [2_000, 4_000], { budgetType: 'hourly' }),
      project(['Rust'], '2026-06-01', [10_000, 10_000], { currency: 'EUR' }),
      // Not counted: before the window, hidden, invite-only.
      project(['Rust'], '2026-03-01', [1, 1]),
      project(['Rust'], '2026-05-11', [1, 1], { hiddenAt: at('2026-05-12'), hiddenReason: 'spam' }),
      project(['Rust'], '2026-05-12', [1, 1], { visibility: 'invite_only' }),
      // Go: 2 before, 1 after → −50 %; midpoints 1,000, 3,000, 8,000 → median 3,000;
      // by level: entry 1,000, intermediate (3,000 and 8,000) 5,500.
      project(['Go'], '2026-04-01', [1_000, 1_000], { experienceLevel: 'entry' }),
      project(['Go'], '2026-04-15', [2_000, 4_000]),
      project(['Go', 'Elm'], '2026-05-05', [8_000, 8_000]),
      // Elm: all 3 after the halfway mark, none before → no trend, so not "rising".
      project(['Elm'], '2026-05-06', [500, 1_500]),
      project(['Elm'], '2026-06-10', [3_000, 3_000]),
    ])
    const freelancer = async (skills: string[], level: 'entry' | 'expert', rateMinor: number, currency = 'USD') => {
      const user = await createTestUser('freelancer')
      await updateFreelancerProfile(user.id, { experienceLevel: level, hourlyRateMinor: rateMinor, currency })
      await replaceFreelancerSkills(
        user.id,
        skills.map((s) => skill.get(s)!),
      )
      return user
    }
    await freelancer(['Rust'], 'entry', 3_000)
    await freelancer(['Rust'], 'entry', 5_000)
    await freelancer(['Rust', 'Go'], 'expert', 9_000)
    await freelancer(['Rust'], 'expert', 8_000, 'EUR') // supply, but no USD rate
    const blocked = await freelancer(['Rust'], 'expert', 1_000)
    await blockUser(blocked.id, 'test')
    await freelancer(['Go'], 'entry', 2_000) // the learner below

    const market = await loadMarket(NOW)
    const bySkill = Object.fromEntries(market.skills.map((s) => [s.skill, s]))
    // Most demanded first; ties by name.
    expect(market.skills.map((s) => s.skill)).toEqual(['Rust', 'Elm', 'Go'])
    expect(bySkill.Rust).toEqual({
      skill: 'Rust',
      demand: 4,
      previousHalf: 1,
      lastHalf: 3,
      supply: 4,
      medianFixedBudgetMinor: 3_500,
      medianFixedBudgetMinorByLevel: { intermediate: 2_000, expert: 5_000 },
      medianHourlyRateMinor: { entry: 4_000, expert: 9_000 },
      growth: 200,
    })
    expect(bySkill.Go).toMatchObject({
      demand: 3,
      previousHalf: 2,
      lastHalf: 1,
      supply: 2,
      medianFixedBudgetMinor: 3_000,
      medianFixedBudgetMinorByLevel: { entry: 1_000, intermediate: 5_500 },
      medianHourlyRateMinor: { entry: 2_000, expert: 9_000 },
      growth: -50,
    })
    // Elm: midpoints 1,000, 8,000 and 3,000, all intermediate.
    expect(bySkill.Elm).toMatchObject({
      demand: 3,
      supply: 0,
      medianFixedBudgetMinor: 3_000,
      medianFixedBudgetMinorByLevel: { intermediate: 3_000 },
      growth: null,
    })
    expect(market.rising.map((s) => s.skill)).toEqual(['Rust'])

    const demand = market.charts.find((c) => c.id === 'demand')!
    expect(demand.data.series.map((s) => s.values)).toEqual([
      [4, 3, 3],
      [4, 0, 2],
    ])
    // The 90-day trend, by week (Monday starts): every counted project once, in its week.
    const trend = market.charts.find((c) => c.id === 'demand-trend')!
    expect(trend.data.series.map((s) => s.name)).toEqual(['Rust', 'Elm', 'Go'])
    expect(trend.data.series.map((s) => s.values.reduce<number>((a, b) => a + (b ?? 0), 0))).toEqual([4, 3, 3])
    const week = trend.data.labels.indexOf('w/c 30 Mar')
    expect(trend.data.series.map((s) => s.values[week])).toEqual([1, 0, 1])

    // The job's snapshot serves the page with the same figures (one row read, no computation).
    await snapshotMarket(NOW)
    expect(await loadMarket(new Date(NOW.getTime() + 60_000))).toEqual(market)
    // A newer snapshot is served at once: the page reads the time first, the body only when it changed.
    const newer = { ...market, windowDays: 7 }
    await saveMarketSnapshot(market.currency, JSON.stringify(newer), new Date(NOW.getTime() + 120_000))
    expect(await loadMarket(new Date(NOW.getTime() + 180_000))).toEqual(newer)
    await snapshotMarket(NOW)

    // A Go freelancer (the learner) is offered the skills in demand they lack, most demand per freelancer first.
    expect(await suggestSkills(['Go'], NOW)).toEqual([
      { skill: 'Elm', demand: 3, supply: 0 },
      { skill: 'Rust', demand: 4, supply: 4 },
    ])
    // Ranked once per market: whatever skills one lists, the same as sorting the skills left.
    const left = (own: string[]) =>
      market.skills
        .filter((s) => !own.includes(s.skill))
        .sort((a, b) => b.demand / (b.supply + 1) - a.demand / (a.supply + 1))
        .slice(0, 3)
        .map(({ skill, demand, supply }) => ({ skill, demand, supply }))
    for (const own of [[], ['Rust'], ['Elm', 'Go'], ['Go', 'Rust'], market.skills.map((s) => s.skill)])
      expect(await suggestSkills(own, NOW)).toEqual(left(own))
  })
})

import { describe, expect, it } from 'vitest'
import { countFactsInWindows, listRollups } from '~/models/analytics.server'
import { hireBetweenNewUsers } from '~/test/escrow-fixtures'
import { writeFundedRelease } from '~/test/wallet'
import { loadAdminAnalytics } from './admin-analytics.server'
import { loadDayFacts } from './daily-facts.server'
import { daysBetween, rollUpDays } from './rollups.server'

const at = (text: string) => new Date(text)

/** Fund 100.00 on 31 Jan, release it on 1 Feb (90.00 to the freelancer, 10.00 fee). */
async function history() {
  const { contract } = await hireBetweenNewUsers(
    { type: 'fixed', title: 'Shop', amountMinor: 10_000 },
    { freelancer: 'Farah Top' },
  )
  writeFundedRelease(contract, 10_000, {
    fundedAt: at('2026-01-31T12:00:00Z'),
    releasedAt: at('2026-02-01T12:00:00Z'),
  })
}

describe('admin analytics from the ledger', () => {
  it('counts revenue, gross, escrow and transactions on the right days; rollups agree with the live count', async () => {
    await history()
    const days = daysBetween('2026-01-30', '2026-02-02', 'UTC')
    const live = await countFactsInWindows(days, 'USD')
    expect(live.map((f) => f.revenueMinor)).toEqual([0, 0, 1_000, 0])
    expect(live.map((f) => f.grossMinor)).toEqual([0, 0, 10_000, 0])
    expect(live.map((f) => f.escrowNetMinor)).toEqual([0, 10_000, -10_000, 0])
    expect(live.map((f) => f.transactions)).toEqual([0, 1, 1, 0])

    // Recompute the range through the rollups: the same facts, day by day.
    expect(await rollUpDays('2026-01-30', '2026-02-02', at('2026-03-01T00:00:00Z'))).toBe(4)
    expect(await listRollups('2026-01-30', '2026-02-02', 'UTC', 'USD')).toHaveLength(4)
    const rolled = await loadDayFacts(days, 'UTC', 'USD')
    expect(rolled.every((d) => !d.live)).toBe(true)
    expect(rolled.map((d) => d.facts)).toEqual(live)

    // A custom range across the month boundary, against the empty 3 days before it.
    const analytics = await loadAdminAnalytics(
      { range: 'custom', from: '2026-01-31', to: '2026-02-02' },
      at('2026-03-01T00:00:00Z'),
    )
    const cards = Object.fromEntries(analytics.cards.map((c) => [c.id, c]))
    expect(cards.revenue).toMatchObject({ value: 1_000, previous: 0, change: null })
    expect(cards.transactions).toMatchObject({ value: 2, previous: 0 })
    const escrow = analytics.charts.find((c) => c.id === 'escrow')!
    expect(escrow.data.series[0]!.values).toEqual([10_000, 0, 0])
    expect(analytics.tables.find((t) => t.id === 'top-freelancers')!.rows).toEqual([['Farah Top', 9_000]])
    expect(analytics.tables.find((t) => t.id === 'top-clients')!.rows[0]![1]).toBe(10_000)
  })
})

/**
 * The admin figures as pure functions over daily facts, so the same code reads rollups and live
 * rows, and every figure can be checked against a hand-computed fixture.
 */
import { formatValue } from '~/utils/chart-data'
import { FACT_KEYS, NO_FACTS, type DayFacts } from '~/domain/analytics-facts'
import type { Bucket, DayWindow } from './periods'

function addFacts(a: DayFacts, b: DayFacts): DayFacts {
  return Object.fromEntries(FACT_KEYS.map((key) => [key, a[key] + b[key]])) as DayFacts
}

export function sumFacts(rows: readonly DayFacts[]): DayFacts {
  return rows.reduce(addFacts, NO_FACTS)
}

/** Change against the previous period in percent; null when there is nothing to compare with. */
export function percentChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null
  return ((current - previous) / Math.abs(previous)) * 100
}

function averageProjectValue(facts: DayFacts): number | null {
  return facts.pricedProjects ? Math.round(facts.projectBudgetMinor / facts.pricedProjects) : null
}

/** Released milestones out of those settled (released or refunded), in percent. */
export function completionRate(facts: DayFacts): number | null {
  const settled = facts.milestonesReleased + facts.milestonesRefunded
  return settled ? (facts.milestonesReleased / settled) * 100 : null
}

type CardId = 'revenue' | 'activeUsers' | 'newProjects' | 'transactions' | 'averageProjectValue' | 'completionRate'
export type Card = {
  id: CardId
  label: string
  kind: 'money' | 'count' | 'percent'
  value: number | null
  previous: number | null
  change: number | null
}

export function adminCards(
  current: DayFacts,
  previous: DayFacts,
  activeUsers: { current: number; previous: number },
): Card[] {
  const card = (id: CardId, label: string, kind: Card['kind'], value: number | null, before: number | null): Card => ({
    id,
    label,
    kind,
    value,
    previous: before,
    change: percentChange(value, before),
  })
  return [
    card('revenue', 'Revenue', 'money', current.revenueMinor, previous.revenueMinor),
    card('activeUsers', 'Active users', 'count', activeUsers.current, activeUsers.previous),
    card('newProjects', 'New projects', 'count', current.newProjects, previous.newProjects),
    card('transactions', 'Transactions', 'count', current.transactions, previous.transactions),
    card(
      'averageProjectValue',
      'Average project value',
      'money',
      averageProjectValue(current),
      averageProjectValue(previous),
    ),
    card('completionRate', 'Completion rate', 'percent', completionRate(current), completionRate(previous)),
  ]
}

/** A card's value as the reports write it, amounts in `currency`; "—" when there is none. */
export function formatCardValue(card: Pick<Card, 'value' | 'kind'>, currency: string): string {
  if (card.value === null) return '—'
  return formatValue(card.value, card.kind === 'money' ? { kind: 'money', currency } : { kind: card.kind })
}

/** "+12.5%", "−3.0%", or "—" when the previous period had nothing. */
export function formatChange(change: number | null): string {
  if (change === null || !Number.isFinite(change)) return '—'
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±'
  return `${sign}${Math.abs(change).toFixed(1)}%`
}

/** Sums each day into the bucket that holds its start. */
export function bucketDays(days: readonly (DayWindow & { facts: DayFacts })[], buckets: readonly Bucket[]): DayFacts[] {
  const sums = buckets.map(() => NO_FACTS)
  let b = 0
  for (const day of days) {
    while (b < buckets.length - 1 && day.start >= buckets[b]!.end) b++
    sums[b] = addFacts(sums[b]!, day.facts)
  }
  return sums
}

/** Money held in escrow at the end of each bucket, from the balance before the first. */
export function runningBalance(opening: number, nets: readonly number[]): number[] {
  let balance = opening
  return nets.map((net) => (balance += net))
}

/**
 * Everything /admin/analytics shows for one period: the six cards with their change, the charts
 * (each a ChartBlock the one chart component draws) and the top-5 tables. The PDF report and the
 * CSV exports read the same object, so every export holds the page's numbers.
 */
import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'
import type { DayFacts } from '~/domain/analytics-facts'
import { countFactsInWindows, sumEscrowBefore } from '~/models/analytics.server'
import { chartBlock, type ChartBlock } from './chart-block'
import { loadDayFacts } from './daily-facts.server'
import type { ExportTable } from './exports'
import { adminCards, bucketDays, completionRate, runningBalance, sumFacts } from './metrics'
import { resolvePeriod, zonedDay, type Period, type RangeInput } from './periods'
import { loadRangeDetails } from './range-details.server'
import { analyticsSettings } from './rollups.server'

/** Facts per chart bucket and for the whole current and previous period. */
async function periodFacts(period: Period, currency: string) {
  if (period.days && period.previousDays) {
    const [days, previousDays] = await Promise.all([
      loadDayFacts(period.days, period.timeZone, currency),
      loadDayFacts(period.previousDays, period.timeZone, currency),
    ])
    return {
      buckets: bucketDays(days, period.buckets),
      current: sumFacts(days.map((d) => d.facts)),
      previous: sumFacts(previousDays.map((d) => d.facts)),
      liveDays: days.filter((d) => d.live).length,
    }
  }
  // The last 24 hours: hours and the previous 24 hours, all live.
  const windows = [...period.buckets, { start: period.previousStart, end: period.previousEnd }]
  const facts = await countFactsInWindows(windows, currency)
  const buckets = facts.slice(0, period.buckets.length)
  return { buckets, current: sumFacts(buckets), previous: facts[facts.length - 1]!, liveDays: 1 }
}

export async function loadAdminAnalytics(input: RangeInput, now = new Date()) {
  const { timeZone, currency } = analyticsSettings()
  const period = resolvePeriod(input, now, timeZone)
  const [facts, details, opening] = await Promise.all([
    periodFacts(period, currency),
    loadRangeDetails(period, currency),
    openingEscrow(period, currency),
  ])
  const { postings: funnel, categories, freelancers, clients, projects } = details
  const cards = adminCards(facts.current, facts.previous, {
    current: details.activeNow,
    previous: details.activeBefore,
  })
  const labels = period.buckets.map((b) => b.label)
  const series = (name: string, pick: (f: DayFacts) => number) => ({ name, values: facts.buckets.map(pick) })
  const money = { kind: 'money', currency } as const
  const bucketHeading = { hour: 'Hour', day: 'Day', week: 'Week', month: 'Month' }[period.bucket]
  const charts: ChartBlock[] = [
    chartBlock(
      { id: 'revenue-trend', title: 'Revenue', kind: 'line', labelHeading: bucketHeading, format: money },
      labels,
      [series('Revenue', (f) => f.revenueMinor)],
    ),
    chartBlock(
      { id: 'user-growth', title: 'New users by role', kind: 'stacked', labelHeading: bucketHeading },
      labels,
      [series('Clients', (f) => f.newClients), series('Freelancers', (f) => f.newFreelancers)],
    ),
    chartBlock(
      { id: 'project-status', title: 'Projects posted, by status', kind: 'bar', labelHeading: 'Status' },
      ['Open', 'Closed with a hire', 'Closed without a hire'],
      [{ name: 'Projects', values: [funnel.open, funnel.closedHired, funnel.closedNoHire] }],
    ),
    chartBlock(
      { id: 'skill-categories', title: 'Projects posted, by skill category', kind: 'bar', labelHeading: 'Category' },
      categories.map((c) => c.category),
      [{ name: 'Projects', values: categories.map((c) => c.projects) }],
    ),
    chartBlock(
      {
        id: 'gross-revenue',
        title: 'Gross volume and revenue',
        kind: 'bar',
        labelHeading: bucketHeading,
        format: money,
      },
      labels,
      [series('Gross volume', (f) => f.grossMinor), series('Revenue', (f) => f.revenueMinor)],
    ),
    chartBlock(
      {
        id: 'escrow',
        title: 'Money in escrow',
        kind: 'line',
        labelHeading: `End of ${bucketHeading.toLowerCase()}`,
        format: money,
      },
      labels,
      [
        {
          name: 'In escrow',
          values: runningBalance(
            opening,
            facts.buckets.map((f) => f.escrowNetMinor),
          ),
        },
      ],
    ),
    chartBlock(
      {
        id: 'funnel',
        title: 'Projects posted in the period: from posting to completion',
        kind: 'bar',
        labelHeading: 'Stage',
      },
      ['Posted', 'Received a proposal', 'Hired', 'Completed'],
      [{ name: 'Projects', values: [funnel.posted, funnel.proposed, funnel.hired, funnel.completed] }],
    ),
  ]
  const tables: ExportTable[] = [
    {
      id: 'top-freelancers',
      title: 'Top 5 freelancers by earnings',
      columns: ['Freelancer', `Earned after fees (${currency})`],
      moneyColumns: [1],
      rows: freelancers.map((r) => [r.name, r.amountMinor]),
    },
    {
      id: 'top-projects',
      title: 'Top 5 projects by budget',
      columns: ['Project', 'Client', `Budget up to (${currency})`],
      moneyColumns: [2],
      rows: projects.map((r) => [r.title, r.clientName, r.budgetMaxMinor]),
    },
    {
      id: 'top-clients',
      title: 'Top 5 clients by spend',
      columns: ['Client', `Paid for work (${currency})`],
      moneyColumns: [1],
      rows: clients.map((r) => [r.name, r.amountMinor]),
    },
  ]
  return {
    period,
    currency,
    cards,
    charts,
    tables,
    completion: completionRate(facts.current),
    liveDays: facts.liveDays,
    /** When the statuses of projects posted before today were counted (the nightly recount); null when all live. */
    statusAsOf:
      details.countedAt === null ? null : format(new TZDate(details.countedAt, period.timeZone), 'd MMM yyyy HH:mm'),
  }
}
export type AdminAnalytics = Awaited<ReturnType<typeof loadAdminAnalytics>>

/** Escrow held when the period starts: the rolled-up days before it, plus the hours before a 24-hour range live. */
async function openingEscrow(period: Period, currency: string): Promise<number> {
  const firstDay = period.days?.[0]?.day ?? period.from
  const before = await sumEscrowBefore(firstDay, period.timeZone, currency)
  if (period.days) return before.net
  const dayStart = zonedDay(firstDay, period.timeZone).getTime()
  const [gap] = await countFactsInWindows([{ start: Math.min(dayStart, period.start), end: period.start }], currency)
  return before.net + (gap?.escrowNetMinor ?? 0)
}

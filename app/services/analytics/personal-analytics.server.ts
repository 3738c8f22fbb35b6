/**
 * A freelancer's or a client's own analytics over the last 12 months, by month in the platform
 * zone: the same ChartBlocks (table + SVG + chart.js) as the admin page.
 */
import { TZDate } from '@date-fns/tz'
import { addMonths, startOfMonth } from 'date-fns'
import {
  insertProfileView,
  listClientApprovals,
  listClientHires,
  listClientSpend,
  listFirstReplies,
  listFreelancerEarnings,
  listFreelancerProposals,
  listProfileViews,
  listRatingsReceived,
} from '~/models/personal-analytics.server'
import type { ChartData, ChartFormat } from '~/utils/chart-data'
import { chartBlock, type ChartBlock } from './chart-block'
import { HOUR_MS } from '~/domain/durations'
import { formatElapsedHours } from '~/utils/elapsed'
import { summariseFirstReplies } from './first-reply'
import { bucketsFor, type Bucket } from './periods'
import { analyticsSettings } from './rollups.server'

/** One headline figure above the charts. */
type Figure = { label: string; value: string; detail?: string }

const MONTHS = 12

/** Records that someone other than the freelancer opened their profile. */
export async function recordProfileView(profileUserId: string, viewerId: string | null, now = new Date()) {
  if (viewerId === profileUserId) return
  await insertProfileView(profileUserId, now)
}

function lastMonths(now: Date, timeZone: string): Bucket[] {
  const first = addMonths(startOfMonth(new TZDate(now.getTime(), timeZone)), 1 - MONTHS)
  return bucketsFor('month', first.getTime(), now.getTime(), timeZone)
}

/** Sums `value` of each row into the month holding its time. */
function perMonth<T extends { at: number }>(months: Bucket[], rows: T[], value: (row: T) => number): number[] {
  const sums = months.map(() => 0)
  for (const row of rows) {
    const i = months.findIndex((m) => row.at >= m.start && row.at < m.end)
    if (i >= 0) sums[i]! += value(row)
  }
  return sums
}

/** Charts over the months: `chart` draws named series of one value per month; `sum` makes one from rows. */
function monthlyCharts(months: Bucket[]) {
  return {
    chart: (head: Pick<ChartBlock, 'id' | 'title' | 'kind' | 'format'>, series: ChartData['series']) =>
      chartBlock(
        { ...head, labelHeading: 'Month' },
        months.map((m) => m.label),
        series,
      ),
    sum: <T extends { at: number }>(name: string, rows: T[], value: (row: T) => number) => ({
      name,
      values: perMonth(months, rows, value),
    }),
  }
}

const COUNT: ChartFormat = { kind: 'count' }

/** The months a personal report covers, in the platform's reporting time zone and currency. */
function reportMonths(now: Date) {
  const { timeZone, currency } = analyticsSettings()
  const months = lastMonths(now, timeZone)
  const money: ChartFormat = { kind: 'money', currency }
  return { currency, months, since: months[0]!.start, money }
}
const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : null)

export async function loadFreelancerAnalytics(userId: string, now = new Date()) {
  const { currency, months, since, money } = reportMonths(now)
  const [earnings, proposals, views, ratings, firstReplies] = await Promise.all([
    listFreelancerEarnings(userId, currency, since),
    listFreelancerProposals(userId, since),
    listProfileViews(userId, since),
    listRatingsReceived(userId, since, now),
    listFirstReplies(userId, since),
  ])
  const replies = summariseFirstReplies(firstReplies)
  const ratingSums = perMonth(months, ratings, (r) => r.rating)
  const ratingCounts = perMonth(months, ratings, () => 1)
  const sent = proposals.length
  const viewed = proposals.filter((p) => p.viewed).length
  const won = proposals.filter((p) => p.won).length
  const { chart, sum } = monthlyCharts(months)
  const charts: ChartBlock[] = [
    chart({ id: 'earnings', title: 'Earnings by month, after fees', kind: 'bar', format: money }, [
      sum('Earned', earnings, (e) => e.amountMinor),
    ]),
    chart({ id: 'proposals', title: 'Proposals sent, viewed and won', kind: 'bar', format: COUNT }, [
      sum('Sent', proposals, () => 1),
      sum('Viewed', proposals, (p) => p.viewed),
      sum('Won', proposals, (p) => p.won),
    ]),
    chart(
      { id: 'profile-views', title: 'Profile views (recorded since this page was added)', kind: 'line', format: COUNT },
      [sum('Views', views, () => 1)],
    ),
    chart({ id: 'rating', title: 'Average rating received', kind: 'line', format: COUNT }, [
      {
        name: 'Rating (1–5)',
        // A month without reviews has no average: a gap, not a rating of 0.
        values: ratingSums.map((sum, i) => (ratingCounts[i] ? Math.round((sum / ratingCounts[i]!) * 10) / 10 : null)),
      },
    ]),
    replies.chart,
  ]
  const figures: Figure[] = [
    { label: 'Proposals sent', value: String(sent) },
    { label: 'Viewed by the client', value: String(viewed) },
    { label: 'Won', value: String(won) },
    {
      label: 'Win rate',
      value: percent(won, sent) === null ? '—' : `${percent(won, sent)}%`,
      detail: sent ? undefined : 'From your first proposal',
    },
    {
      label: 'Median time to first reply',
      value: replies.medianHours === null ? '—' : formatElapsedHours(replies.medianHours),
      detail: replies.asked
        ? `${replies.answered} of ${replies.asked} conversations answered`
        : 'From the first client who writes to you',
    },
  ]
  // A newcomer's page is all zeros: say what will fill it, and when.
  const nothingYet = !sent && !earnings.length && !views.length && !ratings.length && !replies.asked
  const emptyNote = nothingYet
    ? 'Nothing to chart yet. Each month’s proposals (sent, viewed by the client, won) appear here from your first proposal, earnings once a client releases a milestone to you, profile views as clients open your profile, and ratings after your first contract ends.'
    : null
  return { role: 'freelancer' as const, currency, charts, figures, emptyNote }
}

export async function loadClientAnalytics(userId: string, now = new Date()) {
  const { currency, months, since, money } = reportMonths(now)
  const [spend, hires, approvals] = await Promise.all([
    listClientSpend(userId, currency, since),
    listClientHires(userId, since),
    listClientApprovals(userId, since),
  ])
  const hoursToHire = hires.map((h) => (h.at - h.postedAt) / HOUR_MS)
  const dated = approvals.filter((a) => a.onTime !== null)
  const onTime = dated.filter((a) => a.onTime).length
  const { chart, sum } = monthlyCharts(months)
  const charts: ChartBlock[] = [
    chart({ id: 'spend', title: 'Spend by month', kind: 'bar', format: money }, [
      sum('Paid for work', spend, (s) => s.amountMinor),
    ]),
    chart({ id: 'hires', title: 'Hires by month', kind: 'bar', format: COUNT }, [sum('Hires', hires, () => 1)]),
  ]
  const averageHours = hoursToHire.length ? hoursToHire.reduce((a, b) => a + b, 0) / hoursToHire.length : null
  const figures: Figure[] = [
    { label: 'Hires', value: String(hires.length) },
    {
      label: 'Average time to hire',
      value: averageHours === null ? '—' : formatElapsedHours(averageHours),
      detail: averageHours === null ? 'From your first hire: posting to accepting a proposal' : undefined,
    },
    {
      label: 'Milestones approved on time',
      value: dated.length ? `${onTime} of ${dated.length} (${percent(onTime, dated.length)}%)` : '—',
      detail: dated.length ? undefined : 'From your first approved milestone that has a due date',
    },
  ]
  // A newcomer's page is all zeros: say what will fill it, and when.
  const emptyNote =
    !hires.length && !spend.length
      ? 'Nothing to chart yet. Your hires appear here month by month from the first proposal you accept, and your spend once you approve a milestone and its money is released.'
      : null
  return { role: 'client' as const, currency, charts, figures, emptyNote }
}

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
import type { ChartBlock } from './chart-block'
import { formatReplyTime, summariseFirstReplies } from './first-reply'
import { bucketsFor, type Bucket } from './periods'
import { analyticsSettings } from './rollups.server'

/** One headline figure above the charts. */
type Figure = { label: string; value: string; detail?: string }

const MONTHS = 12
const DAY_MS = 86_400_000

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

const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : null)

export async function loadFreelancerAnalytics(userId: string, now = new Date()) {
  const { timeZone, currency } = analyticsSettings()
  const months = lastMonths(now, timeZone)
  const since = months[0]!.start
  const [earnings, proposals, views, ratings, firstReplies] = await Promise.all([
    listFreelancerEarnings(userId, currency, since),
    listFreelancerProposals(userId, since),
    listProfileViews(userId, since),
    listRatingsReceived(userId, since),
    listFirstReplies(userId, since),
  ])
  const replies = summariseFirstReplies(firstReplies)
  const labels = months.map((m) => m.label)
  const ratingSums = perMonth(months, ratings, (r) => r.rating)
  const ratingCounts = perMonth(months, ratings, () => 1)
  const sent = proposals.length
  const viewed = proposals.filter((p) => p.viewed).length
  const won = proposals.filter((p) => p.won).length
  const charts: ChartBlock[] = [
    {
      id: 'earnings',
      title: 'Earnings by month, after fees',
      kind: 'bar',
      labelHeading: 'Month',
      format: { kind: 'money', currency },
      data: { labels, series: [{ name: 'Earned', values: perMonth(months, earnings, (e) => e.amountMinor) }] },
    },
    {
      id: 'proposals',
      title: 'Proposals sent, viewed and won',
      kind: 'bar',
      labelHeading: 'Month',
      format: { kind: 'count' },
      data: {
        labels,
        series: [
          { name: 'Sent', values: perMonth(months, proposals, () => 1) },
          { name: 'Viewed', values: perMonth(months, proposals, (p) => p.viewed) },
          { name: 'Won', values: perMonth(months, proposals, (p) => p.won) },
        ],
      },
    },
    {
      id: 'profile-views',
      title: 'Profile views (recorded since this page was added)',
      kind: 'line',
      labelHeading: 'Month',
      format: { kind: 'count' },
      data: { labels, series: [{ name: 'Views', values: perMonth(months, views, () => 1) }] },
    },
    {
      id: 'rating',
      title: 'Average rating received',
      kind: 'line',
      labelHeading: 'Month',
      format: { kind: 'count' },
      data: {
        labels,
        series: [
          {
            name: 'Rating (1–5)',
            values: ratingSums.map((sum, i) => (ratingCounts[i] ? Math.round((sum / ratingCounts[i]!) * 10) / 10 : 0)),
          },
        ],
      },
    },
    replies.chart,
  ]
  const figures: Figure[] = [
    { label: 'Proposals sent', value: String(sent) },
    { label: 'Viewed by the client', value: String(viewed) },
    { label: 'Won', value: String(won) },
    { label: 'Win rate', value: percent(won, sent) === null ? '—' : `${percent(won, sent)}%` },
    {
      label: 'Median time to first reply',
      value: replies.medianHours === null ? '—' : formatReplyTime(replies.medianHours),
      detail: `${replies.answered} of ${replies.asked} conversations answered`,
    },
  ]
  return { role: 'freelancer' as const, currency, charts, figures }
}

export async function loadClientAnalytics(userId: string, now = new Date()) {
  const { timeZone, currency } = analyticsSettings()
  const months = lastMonths(now, timeZone)
  const since = months[0]!.start
  const [spend, hires, approvals] = await Promise.all([
    listClientSpend(userId, currency, since),
    listClientHires(userId, since),
    listClientApprovals(userId, since),
  ])
  const labels = months.map((m) => m.label)
  const daysToHire = hires.map((h) => (h.at - h.postedAt) / DAY_MS)
  const dated = approvals.filter((a) => a.onTime !== null)
  const onTime = dated.filter((a) => a.onTime).length
  const charts: ChartBlock[] = [
    {
      id: 'spend',
      title: 'Spend by month',
      kind: 'bar',
      labelHeading: 'Month',
      format: { kind: 'money', currency },
      data: { labels, series: [{ name: 'Paid for work', values: perMonth(months, spend, (s) => s.amountMinor) }] },
    },
    {
      id: 'hires',
      title: 'Hires by month',
      kind: 'bar',
      labelHeading: 'Month',
      format: { kind: 'count' },
      data: { labels, series: [{ name: 'Hires', values: perMonth(months, hires, () => 1) }] },
    },
  ]
  const averageDays = daysToHire.length ? daysToHire.reduce((a, b) => a + b, 0) / daysToHire.length : null
  const figures: Figure[] = [
    { label: 'Hires', value: String(hires.length) },
    { label: 'Average time to hire', value: averageDays === null ? '—' : `${averageDays.toFixed(1)} days` },
    {
      label: 'Milestones approved on time',
      value: dated.length ? `${onTime} of ${dated.length} (${percent(onTime, dated.length)}%)` : '—',
    },
  ]
  return { role: 'client' as const, currency, charts, figures }
}

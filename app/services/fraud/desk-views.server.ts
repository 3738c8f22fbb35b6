import { spreadsheetCsv } from '~/utils/spreadsheet-csv'
import type { FraudAlertFilter } from '~/domain/fraud-alert-filters'
import { FRAUD_ALERT_STATUS_LABELS, FRAUD_ALERT_TYPE_LABELS, type FraudSeverity } from '~/domain/fraud-alerts'
import { DAY_MS } from '~/domain/durations'
import { fraudAlertsPerDay, fraudAlertStats, listFraudAlerts } from '~/models/fraud-alerts.server'

/** The CSV holds every filtered row up to this many (a page of the desk holds 25). */
const CSV_LIMIT = 10_000

/**
 * The per-day table lists every day of its range, so the range is at most this long (as the
 * analytics' custom dates): a query string asking for ten thousand years got a 200 MB page.
 */
export const MAX_STATS_DAYS = 3 * 366

/**
 * The range the stats and the per-day table cover: the filter's dates, or the last 30 days; at most
 * MAX_STATS_DAYS, ending on the filter's last day. The page names the range it shows.
 */
function statsRangeOf(filter: FraudAlertFilter, now = new Date()) {
  const to = filter.to ? new Date(Date.parse(`${filter.to}T00:00:00Z`) + DAY_MS - 1) : now
  const earliest = to.getTime() + 1 - MAX_STATS_DAYS * DAY_MS
  const asked = filter.from ? Date.parse(`${filter.from}T00:00:00Z`) : to.getTime() - 30 * DAY_MS
  return { from: new Date(Math.max(asked, earliest)), to }
}

/** The desk's head: the stats cards and alerts per day by severity, every day of the range listed. */
export async function fraudDeskSummary(filter: FraudAlertFilter, now = new Date()) {
  const range = statsRangeOf(filter, now)
  const [stats, perDay] = await Promise.all([fraudAlertStats(range), fraudAlertsPerDay(range)])
  const closed = stats.resolved + stats.falsePositive
  const days = new Map<string, Record<FraudSeverity, number>>()
  for (let t = Date.parse(range.from.toISOString().slice(0, 10)); t <= range.to.getTime(); t += DAY_MS)
    days.set(new Date(t).toISOString().slice(0, 10), { low: 0, medium: 0, high: 0, critical: 0 })
  for (const row of perDay) {
    const day = days.get(row.day)
    if (day) day[row.severity] = row.n
  }
  return {
    range: { from: range.from.toISOString(), to: range.to.toISOString() },
    stats: { ...stats, falsePositiveRate: closed ? stats.falsePositive / closed : null },
    perDay: [...days].map(([day, counts]) => ({ day, ...counts })),
  }
}

/** Every filtered alert, in the list's order, as CSV. */
export async function fraudAlertsCsv(filter: FraudAlertFilter): Promise<string> {
  const { rows } = await listFraudAlerts(filter, { offset: 0, limit: CSV_LIMIT })
  return spreadsheetCsv(
    rows.map((row) => [
      row.id,
      row.createdAt.toISOString(),
      FRAUD_ALERT_TYPE_LABELS[row.type],
      row.score,
      row.severity,
      FRAUD_ALERT_STATUS_LABELS[row.status],
      row.subjectName,
      row.subjectEmail,
      row.accountCount,
      row.assigneeName ?? '',
      row.summary,
    ]),
    {
      header: true,
      columns: [
        'id',
        'raised_at',
        'type',
        'score',
        'severity',
        'status',
        'name',
        'email',
        'accounts',
        'assignee',
        'evidence',
      ],
    },
  )
}

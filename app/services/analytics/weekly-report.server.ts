/**
 * The weekly analytics report: each Monday (platform zone) every admin who opted in gets last
 * week's PDF by email. The send is claimed in analytics_report_sends before mailing, so however
 * often the job runs, and on however many processes, a week goes to an admin once.
 */
import { TZDate } from '@date-fns/tz'
import { addDays, format, startOfWeek } from 'date-fns'
import {
  claimWeeklyReport,
  isSubscribedToWeeklyReport,
  listWeeklyReportSubscribers,
  subscribeToWeeklyReport,
  unsubscribeFromWeeklyReport,
} from '~/models/analytics-reports.server'
import { sendEmail } from '~/services/email/mailer.server'
import { loadAdminAnalytics } from './admin-analytics.server'
import { formatCardValue, formatChange } from './metrics'
import { analyticsReportPdf } from './report-pdf.server'
import { analyticsSettings } from './rollups.server'

export { isSubscribedToWeeklyReport }

export async function setWeeklyReport(userId: string, on: boolean, now = new Date()): Promise<void> {
  if (on) await subscribeToWeeklyReport(userId, now)
  else await unsubscribeFromWeeklyReport(userId)
}

/** The last whole Monday–Sunday week before `now`, in the platform zone. */
export function lastWholeWeek(now: Date, timeZone: string): { from: string; to: string } {
  const monday = startOfWeek(new TZDate(now.getTime(), timeZone), { weekStartsOn: 1 })
  return { from: format(addDays(monday, -7), 'yyyy-MM-dd'), to: format(addDays(monday, -1), 'yyyy-MM-dd') }
}

export async function runWeeklyAnalyticsReport(now: Date): Promise<{ sent: number }> {
  const { timeZone } = analyticsSettings()
  const week = lastWholeWeek(now, timeZone)
  let report: { pdf: string; subject: string; text: string } | undefined
  let sent = 0
  for (const admin of await listWeeklyReportSubscribers()) {
    if (!(await claimWeeklyReport(admin.userId, week.from, now))) continue
    report ??= await buildReport(week, now)
    await sendEmail(
      {
        to: admin.email,
        subject: report.subject,
        text: `Hello ${admin.name},\n\n${report.text}`,
        kind: 'notification',
        attachments: [
          {
            filename: `megilance-analytics-${week.from}-to-${week.to}.pdf`,
            contentType: 'application/pdf',
            content: report.pdf,
            encoding: 'base64',
          },
        ],
      },
      undefined,
      now,
    )
    sent++
  }
  return { sent }
}

async function buildReport(week: { from: string; to: string }, now: Date) {
  const analytics = await loadAdminAnalytics({ range: 'custom', ...week }, now)
  const pdf = Buffer.from(await analyticsReportPdf(analytics, now)).toString('base64')
  const lines = analytics.cards.map(
    (card) =>
      `- ${card.label}: ${formatCardValue(card, analytics.currency)} (${formatChange(card.change)} vs the week before)`,
  )
  return {
    pdf,
    subject: `MegiLance weekly analytics: ${analytics.period.label}`,
    text: `Last week on MegiLance (${analytics.period.label}, ${analytics.period.timeZone}):\n\n${lines.join('\n')}\n\nThe full report is attached. You can stop these emails on the analytics page.`,
  }
}

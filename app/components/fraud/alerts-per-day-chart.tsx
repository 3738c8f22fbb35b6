import { Chart } from '~/components/charts/chart'
import { CardSection } from '~/components/ui/card-section'
import { FRAUD_SEVERITIES } from '~/domain/fraud-alerts'
import { formatDate } from '~/utils/format'

type Day = { day: string; low: number; medium: number; high: number; critical: number }

const SEVERITY_NAMES = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' } as const

/** Alerts raised per day by severity: the app's one chart (table and SVG without JavaScript, chart.js with it). */
export function AlertsPerDayChart({ days }: { days: Day[] }) {
  const withAlerts = days.filter((d) => d.low + d.medium + d.high + d.critical > 0)
  return (
    <CardSection id="per-day-heading" title="Alerts per day by severity">
      {withAlerts.length ? (
        <Chart
          id="alerts-per-day"
          title="Alerts raised per day, by severity (days without alerts left out)"
          kind="stacked"
          labelHeading="Day"
          data={{
            // Days as the rest of the app writes them ("1 Dec 2026"), on the axis, in the table and the summary.
            labels: withAlerts.map((d) => formatDate(d.day)),
            series: FRAUD_SEVERITIES.map((severity) => ({
              name: SEVERITY_NAMES[severity],
              values: withAlerts.map((d) => d[severity]),
            })),
          }}
        />
      ) : (
        <p className="empty">No alerts were raised in this range.</p>
      )}
    </CardSection>
  )
}

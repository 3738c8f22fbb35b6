import { FRAUD_SEVERITIES } from '~/domain/fraud-alerts'

type Day = { day: string; low: number; medium: number; high: number; critical: number }

/** Alerts raised per day by severity, as a table (the shared chart component will draw the same numbers). */
export function AlertsPerDayTable({ days }: { days: Day[] }) {
  const withAlerts = days.filter((d) => d.low + d.medium + d.high + d.critical > 0)
  return (
    <section className="card" aria-labelledby="per-day-heading">
      <h2 id="per-day-heading">Alerts per day by severity</h2>
      {withAlerts.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">
              Alerts raised per day, by severity (days without alerts left out)
            </caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                {FRAUD_SEVERITIES.map((severity) => (
                  <th key={severity} scope="col" className="num capitalize">
                    {severity}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {withAlerts.map((d) => (
                <tr key={d.day}>
                  <th scope="row">{d.day}</th>
                  {FRAUD_SEVERITIES.map((severity) => (
                    <td key={severity} className="num">
                      {d[severity]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">No alerts were raised in this range.</p>
      )}
    </section>
  )
}

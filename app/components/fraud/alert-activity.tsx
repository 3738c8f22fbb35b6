import { DataTable } from '~/components/ui/data-table'
import { formatDateTime, formatMoney } from '~/utils/format'

type Activity = {
  signIns: { at: number; ip: string | null; country: string | null; level: string; outcome: string }[]
  payments: { at: number; amountMinor: number; currency: string; ok: number; declineReason: string | null }[]
  payouts: { id: string; at: number; amountMinor: number; currency: string; status: string; destination: string }[]
  securityEvents: { at: number; kind: string; ip: string | null; detail: string }[]
}

function Rows({ caption, columns, rows }: { caption: string; columns: string[]; rows: string[][] }) {
  return (
    <>
      <h3>{caption}</h3>
      {rows.length ? (
        <DataTable caption={caption} columns={columns} stackOnPhone>
          {rows.map((row, index) => (
            <tr key={index}>
              {row.map((cell, cellIndex) => (
                <td key={cellIndex}>{cell}</td>
              ))}
            </tr>
          ))}
        </DataTable>
      ) : (
        <p className="empty">None.</p>
      )}
    </>
  )
}

/** The person's recent sign-ins, card attempts, payouts and security events, newest first. */
export function AlertActivity({ name, activity }: { name: string; activity: Activity }) {
  return (
    <section className="card" aria-labelledby="activity-heading">
      <h2 id="activity-heading">Recent activity of {name}</h2>
      <Rows
        caption="Sign-ins"
        columns={['When', 'IP', 'Country', 'Risk', 'Outcome']}
        rows={activity.signIns.map((s) => [formatDateTime(s.at), s.ip ?? '—', s.country ?? '—', s.level, s.outcome])}
      />
      <Rows
        caption="Card payments"
        columns={['When', 'Amount', 'Result']}
        rows={activity.payments.map((p) => [
          formatDateTime(p.at),
          formatMoney(p.amountMinor, p.currency),
          p.ok ? 'Accepted' : `Declined: ${p.declineReason ?? ''}`,
        ])}
      />
      <Rows
        caption="Payouts"
        columns={['When', 'Amount', 'Status', 'To']}
        rows={activity.payouts.map((p) => [
          formatDateTime(p.at),
          formatMoney(p.amountMinor, p.currency),
          p.status,
          p.destination,
        ])}
      />
      <Rows
        caption="Security events"
        columns={['When', 'What', 'IP', 'Detail']}
        rows={activity.securityEvents.map((e) => [
          formatDateTime(e.at),
          e.kind.replaceAll('_', ' '),
          e.ip ?? '—',
          e.detail,
        ])}
      />
    </section>
  )
}

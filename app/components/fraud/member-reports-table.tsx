import { Link } from '@remix-run/react'
import type { MemberReport } from '~/domain/fraud-alerts'
import { CardSection } from '~/components/ui/card-section'
import { DataTable } from '~/components/ui/data-table'
import { formatDateTime } from '~/utils/format'

/** A "Reported by members" alert's reports: who reported what, with the page and their words (the contact request). */
export function MemberReportsTable({ reports }: { reports: MemberReport[] }) {
  return (
    <CardSection id="reports-heading" title="Members’ reports">
      <DataTable caption="Reports by members" columns={['Reported by', 'About', 'When', 'Their words']} stackOnPhone>
        {reports.map((report) => (
          <tr key={report.requestId}>
            <td>
              <Link to={`/admin/users/${report.reporterId}`}>{report.reporterName}</Link>
            </td>
            <td>
              <Link to={report.aboutPath}>{report.what}</Link>
            </td>
            <td>{formatDateTime(report.at)}</td>
            <td>
              <Link to={`/admin/contact-requests/${report.requestId}`}>Read the report</Link>
            </td>
          </tr>
        ))}
      </DataTable>
    </CardSection>
  )
}

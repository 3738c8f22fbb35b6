import { Link } from '@remix-run/react'
import type { ProposalStatus } from '~/domain/enums'
import { formatDate } from '~/utils/format'
import { bidText } from '~/services/marketplace/proposal-rules'
import { ProposalStatusBadge } from './proposal-details'
import { DataTable } from '~/components/ui/data-table'

type Bid = { bidType: 'fixed' | 'hourly'; bidAmountMinor: number; currency: string }

export type ClientProposalRow = Bid & {
  id: string
  freelancerId: string
  freelancerName: string
  durationDays: number
  status: ProposalStatus
  shortlisted: boolean
  viewed: boolean
  createdAt: string
  /** The cover letter is nearly the same as this freelancer's letters on other projects. */
  templated: boolean
}

/** A project's proposals as its client sees them. */
export function ProjectProposalsTable({ rows, caption }: { rows: ClientProposalRow[]; caption: string }) {
  return (
    <DataTable caption={caption} columns={['Freelancer', 'Bid', 'Duration', 'Status', 'Proposal']} stackOnPhone>
      {rows.map((row) => (
        <tr key={row.id}>
          <td>
            <Link to={`/freelancers/${row.freelancerId}`}>{row.freelancerName}</Link>
            <span className="cell-detail">Sent {formatDate(row.createdAt)}</span>
            {row.templated ? (
              <span className="cell-detail">
                <span className="badge badge--plain">Similar to this freelancer’s other letters</span>
              </span>
            ) : null}
          </td>
          <td>{bidText(row)}</td>
          <td>{row.durationDays} days</td>
          <td>
            <ProposalStatusBadge status={row.status} />
            <span className="cell-detail">
              {row.viewed ? 'Viewed' : 'New'}
              {row.shortlisted ? ' · Shortlisted' : ''}
            </span>
          </td>
          <td>
            <Link to={`/proposals/${row.id}`} aria-label={`Open ${row.freelancerName}’s proposal`}>
              Open
            </Link>
          </td>
        </tr>
      ))}
    </DataTable>
  )
}

export type FreelancerProposalRow = Bid & {
  id: string
  projectTitle: string
  durationDays: number
  status: ProposalStatus
  viewedAt: string | null
  createdAt: string
}

/** A freelancer's own proposals, with whether each client has opened them. */
export function MyProposalsTable({ rows }: { rows: FreelancerProposalRow[] }) {
  return (
    <DataTable caption="My proposals" columns={['Project', 'Bid', 'Status', 'Client']}>
      {rows.map((row) => (
        <tr key={row.id}>
          <td>
            <Link to={`/proposals/${row.id}`}>{row.projectTitle}</Link>
            <span className="cell-detail">Sent {formatDate(row.createdAt)}</span>
          </td>
          <td>
            {bidText(row)}
            <span className="cell-detail">{row.durationDays} days</span>
          </td>
          <td>
            <ProposalStatusBadge status={row.status} />
          </td>
          <td>{row.viewedAt ? `Viewed ${formatDate(row.viewedAt)}` : 'Not viewed yet'}</td>
        </tr>
      ))}
    </DataTable>
  )
}

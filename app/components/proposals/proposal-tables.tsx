import { Link } from '@remix-run/react'
import type { ProposalStatus } from '~/domain/enums'
import { formatDate } from '~/utils/format'
import { bidText } from '~/services/marketplace/proposal-rules'
import { ProposalStatusBadge } from './proposal-details'

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
}

/** A project's proposals as its client sees them. */
export function ProjectProposalsTable({ rows, caption }: { rows: ClientProposalRow[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Freelancer</th>
            <th scope="col">Bid</th>
            <th scope="col">Duration</th>
            <th scope="col">Status</th>
            <th scope="col">Proposal</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link to={`/freelancers/${row.freelancerId}`}>{row.freelancerName}</Link>
                <span className="cell-detail">Sent {formatDate(row.createdAt)}</span>
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
        </tbody>
      </table>
    </div>
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
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">My proposals</caption>
        <thead>
          <tr>
            <th scope="col">Project</th>
            <th scope="col">Bid</th>
            <th scope="col">Status</th>
            <th scope="col">Client</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  )
}

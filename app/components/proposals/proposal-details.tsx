import { Link } from '@remix-run/react'
import type { ProposalStatus } from '~/domain/enums'
import { bidText, PROPOSAL_STATUS_LABELS } from '~/services/marketplace/proposal-rules'
import { formatDate, formatDateTime, formatMoney } from '~/utils/format'
import { CardSection } from '~/components/ui/card-section'
import { DataTable } from '~/components/ui/data-table'
import { OffPlatformNotice } from '~/components/messaging/off-platform-notice'

export type ProposalView = {
  id: string
  coverLetter: string
  bidType: 'fixed' | 'hourly'
  bidAmountMinor: number
  currency: string
  durationDays: number
  status: ProposalStatus
  shortlisted: boolean
  viewedAt: string | null
  declineReason: string | null
  decidedAt: string | null
  createdAt: string
  updatedAt: string
  freelancerId: string
  freelancerName: string
  offPlatformReasons: string[]
}

export type ProposalMilestoneView = { id: string; title: string; amountMinor: number; dueDate: string | null }

export function ProposalStatusBadge({ status }: { status: ProposalStatus }) {
  return <span className={`badge badge--proposal-${status}`}>{PROPOSAL_STATUS_LABELS[status]}</span>
}

/** The proposal's terms, status and letter, as its freelancer and the client both see them. */
export function ProposalDetails({
  proposal,
  milestones,
  showViewed,
  isAuthor,
}: {
  proposal: ProposalView
  milestones: ProposalMilestoneView[]
  showViewed: boolean
  /** The freelancer who wrote it is viewing (told that the client sees any off-platform warning). */
  isAuthor: boolean
}) {
  return (
    <>
      <dl className="stats">
        <div className="stat">
          <dt>Bid</dt>
          <dd className="stat__value">{bidText(proposal)}</dd>
        </div>
        <div className="stat">
          <dt>Duration</dt>
          <dd className="stat__value">{proposal.durationDays} days</dd>
        </div>
        <div className="stat">
          <dt>Status</dt>
          <dd className="stat__value stat__value--text">{PROPOSAL_STATUS_LABELS[proposal.status]}</dd>
          <dd className="stat__detail">
            Sent {formatDateTime(proposal.createdAt)}
            {proposal.decidedAt ? `; decided ${formatDateTime(proposal.decidedAt)}` : ''}
          </dd>
        </div>
        {showViewed ? (
          <div className="stat">
            <dt>Client</dt>
            <dd className="stat__value stat__value--text">{proposal.viewedAt ? 'Viewed' : 'Not viewed yet'}</dd>
            {proposal.viewedAt ? (
              <dd className="stat__detail">First opened {formatDateTime(proposal.viewedAt)}</dd>
            ) : null}
          </div>
        ) : null}
      </dl>
      {proposal.status === 'declined' && proposal.declineReason ? (
        <CardSection id="decline-heading" title="Why it was declined">
          <p className="proposal-text">{proposal.declineReason}</p>
        </CardSection>
      ) : null}
      <CardSection id="letter-heading" title="Cover letter">
        <p className="muted">
          From <Link to={`/freelancers/${proposal.freelancerId}`}>{proposal.freelancerName}</Link>
        </p>
        <OffPlatformNotice reasons={proposal.offPlatformReasons} what="proposal" own={isAuthor} />
        <p className="proposal-text">{proposal.coverLetter}</p>
      </CardSection>
      {proposal.bidType === 'fixed' ? (
        <CardSection id="milestones-heading" title="Proposed milestones">
          {milestones.length ? (
            <DataTable caption="Proposed milestones" columns={['#', 'Milestone', 'Amount', 'Due']}>
              {milestones.map((milestone, index) => (
                <tr key={milestone.id}>
                  <td>{index + 1}</td>
                  <td>{milestone.title}</td>
                  <td>{formatMoney(milestone.amountMinor, proposal.currency)}</td>
                  <td>{milestone.dueDate ? formatDate(milestone.dueDate) : '—'}</td>
                </tr>
              ))}
            </DataTable>
          ) : (
            <p className="muted">
              One milestone for the whole project: {formatMoney(proposal.bidAmountMinor, proposal.currency)}.
            </p>
          )}
        </CardSection>
      ) : null}
    </>
  )
}

import { formatDateTime, formatMoney } from '~/utils/format'

export type DisputeView = {
  id: string
  status: 'open' | 'responded' | 'decided'
  subject: string
  amountMinor: number
  currency: string
  openedByName: string
  /** The other side of the contract, who answers the claim. */
  respondentName: string
  reason: string
  evidence: string
  evidenceFile: { id: string; name: string } | null
  response: string | null
  responseFile: { id: string; name: string } | null
  respondedAt: string | null
  decisionLabel: string | null
  freelancerShareMinor: number | null
  decisionReason: string | null
  decidedAt: string | null
  createdAt: string
}

const STATUS: Record<DisputeView['status'], string> = {
  open: 'Waiting for the other side’s response',
  responded: 'Waiting for an admin’s decision',
  decided: 'Decided',
}

/** Where the dispute stands, said to the one reading: the side that owes a response is told it is theirs. */
function statusFor(status: DisputeView['status'], yourResponseIsDue: boolean): string {
  return status === 'open' && yourResponseIsDue ? 'Waiting for your response, below' : STATUS[status]
}

function FileLink({ disputeId, file }: { disputeId: string; file: { id: string; name: string } | null }) {
  if (!file) return null
  return (
    <p>
      Attached file: <a href={`/disputes/${disputeId}/files/${file.id}`}>{file.name}</a>
    </p>
  )
}

/**
 * Both sides' statements and the decision, as everyone on the dispute sees them; `yourResponseIsDue`
 * when the reader is the side asked to respond.
 */
export function DisputeSummary({ dispute, yourResponseIsDue }: { dispute: DisputeView; yourResponseIsDue: boolean }) {
  return (
    <>
      <dl className="stats">
        <div className="stat">
          <dt>Disputed</dt>
          <dd className="stat__value">{formatMoney(dispute.amountMinor, dispute.currency)}</dd>
          <dd className="stat__detail">{dispute.subject}</dd>
        </div>
        <div className="stat">
          <dt>Status</dt>
          <dd className="stat__value stat__value--text">{statusFor(dispute.status, yourResponseIsDue)}</dd>
        </div>
      </dl>
      <section className="card" aria-labelledby="claim-heading">
        <h2 id="claim-heading">
          {dispute.openedByName}’s claim <span className="muted">· {formatDateTime(dispute.createdAt)}</span>
        </h2>
        <p>{dispute.reason}</p>
        {dispute.evidence ? (
          <>
            <h3>Evidence</h3>
            <p>{dispute.evidence}</p>
          </>
        ) : null}
        <FileLink disputeId={dispute.id} file={dispute.evidenceFile} />
      </section>
      {dispute.response ? (
        <section className="card" aria-labelledby="response-heading">
          <h2 id="response-heading">
            {dispute.respondentName}’s response{' '}
            <span className="muted">· {dispute.respondedAt ? formatDateTime(dispute.respondedAt) : ''}</span>
          </h2>
          <p>{dispute.response}</p>
          <FileLink disputeId={dispute.id} file={dispute.responseFile} />
        </section>
      ) : null}
      {dispute.decisionLabel ? (
        <section className="card" aria-labelledby="decision-heading">
          <h2 id="decision-heading">Decision: {dispute.decisionLabel}</h2>
          {dispute.freelancerShareMinor !== null ? (
            <p>
              {formatMoney(dispute.freelancerShareMinor, dispute.currency)} to the freelancer, less the platform fee;{' '}
              {formatMoney(dispute.amountMinor - dispute.freelancerShareMinor, dispute.currency)} back to the client.
            </p>
          ) : null}
          <p>{dispute.decisionReason}</p>
          <p className="muted">Decided {dispute.decidedAt ? formatDateTime(dispute.decidedAt) : ''}</p>
        </section>
      ) : null}
    </>
  )
}

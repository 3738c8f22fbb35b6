import { Link } from '@remix-run/react'
import { formatDate, formatDateTime, formatMoney } from '~/utils/format'

export type DisputeView = {
  id: string
  status: 'open' | 'responded' | 'decided'
  subject: string
  /** A weekly invoice's dispute holds an unpaid charge, not money in escrow. */
  aboutInvoice: boolean
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
  /** When the other side's response is due; past it an admin decides on the claim alone. */
  responseDueAt: string
  responseOverdue: boolean
  /** A decided milestone dispute's money as the ledger moved it (the fee included). */
  payment: { toFreelancerMinor: number; toClientMinor: number; feeMinor: number } | null
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

/** The status card's second line: the deadline while a response is awaited, else when the last step happened. */
function statusDetail(dispute: DisputeView): string | null {
  if (dispute.status === 'open')
    return `${dispute.responseOverdue ? 'Response was due' : 'Response due by'} ${formatDate(dispute.responseDueAt)}`
  if (dispute.status === 'responded' && dispute.respondedAt) return `Response given ${formatDate(dispute.respondedAt)}`
  return dispute.decidedAt ? `On ${formatDate(dispute.decidedAt)}` : null
}

/**
 * What happens next and by when, said to the one reading: a first-time party wants to know how long,
 * and what happens if the other side stays silent.
 */
function NextSteps({ dispute, yourResponseIsDue }: { dispute: DisputeView; yourResponseIsDue: boolean }) {
  if (dispute.status === 'decided') return null
  const due = formatDate(dispute.responseDueAt)
  const held = dispute.aboutInvoice
    ? 'Nothing is charged until the decision.'
    : 'Until the decision the money stays in escrow and nothing is approved or paid automatically.'
  let text: string
  if (dispute.status === 'responded')
    text =
      'Both sides have stated their case. An admin reads both, decides, and writes the reason; you are both told by notification and email. ' +
      held
  else if (dispute.responseOverdue)
    text = `${dispute.respondentName} did not respond by ${due}. An admin now decides on ${dispute.openedByName}’s claim and evidence alone. ${held}`
  else if (yourResponseIsDue)
    text = `Give your side below by ${due}. You answer once, so include what shows your side: dates, messages, files. If no response comes by then, an admin decides on ${dispute.openedByName}’s claim alone.`
  else
    text = `${dispute.respondentName} has until ${due} to give their side. An admin then decides, with their response or, if none comes, on the claim alone. ${held}`
  return (
    <section className="card" aria-labelledby="next-heading">
      <h2 id="next-heading">What happens next</h2>
      <p>{text}</p>
      <p className="muted">
        How decisions are made: <Link to="/help/disputes">disputes in the help centre</Link>.
      </p>
    </section>
  )
}

/** The decision's money in words: what the freelancer received after the fee, and what went back to the client. */
function DecidedMoney({ dispute }: { dispute: DisputeView }) {
  const money = (minor: number) => formatMoney(minor, dispute.currency)
  const paid = dispute.payment
  if (!paid) {
    return dispute.freelancerShareMinor !== null ? (
      <p>
        {money(dispute.freelancerShareMinor)} to the freelancer, less the platform fee;{' '}
        {money(dispute.amountMinor - dispute.freelancerShareMinor)} back to the client.
      </p>
    ) : null
  }
  const share = paid.toFreelancerMinor + paid.feeMinor
  return (
    <p>
      {share > 0
        ? `${money(share)} to the freelancer: MegiLance’s fee of ${money(paid.feeMinor)} comes off, so they received ${money(paid.toFreelancerMinor)}.`
        : null}
      {share > 0 && paid.toClientMinor > 0 ? ' ' : null}
      {paid.toClientMinor > 0 ? `${money(paid.toClientMinor)} back to the client’s wallet, with no fee.` : null}
    </p>
  )
}

/**
 * Both sides' statements and the decision, as everyone on the dispute sees them; `yourResponseIsDue`
 * when the reader is the side asked to respond.
 */
export function DisputeSummary({ dispute, yourResponseIsDue }: { dispute: DisputeView; yourResponseIsDue: boolean }) {
  const detail = statusDetail(dispute)
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
          {detail ? <dd className="stat__detail">{detail}</dd> : null}
        </div>
      </dl>
      <NextSteps dispute={dispute} yourResponseIsDue={yourResponseIsDue} />
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
          <DecidedMoney dispute={dispute} />
          <h3>Reason</h3>
          <p>{dispute.decisionReason}</p>
          <p className="muted">Decided {dispute.decidedAt ? formatDateTime(dispute.decidedAt) : ''}</p>
        </section>
      ) : null}
    </>
  )
}

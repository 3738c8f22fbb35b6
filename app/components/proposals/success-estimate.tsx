import type { ProposalSuccess } from '~/services/ai/success-model.server'

/** The client's estimate that a contract from this proposal ends well, its reasons, and how it is made. */
export function SuccessEstimate({ estimate, freelancerName }: { estimate: ProposalSuccess; freelancerName: string }) {
  return (
    <section className="card" aria-labelledby="success-heading" data-testid="success-estimate">
      <h2 id="success-heading">Chance this contract ends well</h2>
      {estimate.shown ? (
        <>
          <p>
            <strong>{Math.round(estimate.chance * 100)}%</strong> estimated chance that a contract with {freelancerName}{' '}
            ends well: every payment released without a dispute or a refund, and rated 4 stars or more by you.
          </p>
          <h3>Strongest reasons</h3>
          <ul>
            {estimate.reasons.map((reason) => (
              <li key={reason.words}>
                {reason.words} <span className="muted">({reason.raises ? 'raises' : 'lowers'} the chance)</span>
              </li>
            ))}
          </ul>
          <p className="muted">
            How this is estimated: a logistic regression (a simple statistical model, version {estimate.about.version})
            fitted on {estimate.about.contracts} ended contracts of this platform. Fitted on the older ones and tried on
            the newest {estimate.about.heldOut}, it ranked a contract that ended well above one that did not with an AUC
            of {estimate.about.heldOutAuc.toFixed(2)} (0.5 is chance, 1 is always). It is an estimate from past
            contracts, not a promise.
          </p>
        </>
      ) : (
        <p className="muted">{estimate.why}</p>
      )}
    </section>
  )
}

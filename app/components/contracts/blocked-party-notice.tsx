/**
 * On an active contract whose other side an administrator blocked: the reader learns it before they
 * fund, wait or deliver, and what they can do. The block's reason is the blocked member's; it is not shown.
 */
export function BlockedPartyNotice({ name, readerSide }: { name: string; readerSide: 'client' | 'freelancer' }) {
  return (
    <section className="card callout" aria-labelledby="blocked-party-heading">
      <h2 id="blocked-party-heading">{name}’s account is suspended</h2>
      <p>
        MegiLance has suspended {name}’s account, so they cannot sign in, work on this contract or answer messages until
        the suspension is lifted.{' '}
        {readerSide === 'client'
          ? 'Money in escrow stays there. You can end the contract below: money for milestones without submitted work goes back to your wallet. Submitted work you can still approve, or open a dispute about.'
          : 'Money in escrow stays there, and work you submitted is still approved and paid automatically 14 days after submission unless a dispute is running. You can also end the contract below or open a dispute about a milestone.'}
      </p>
    </section>
  )
}

/**
 * On an active contract whose other side an administrator blocked: the reader learns it before they
 * fund, wait or deliver, and what they can do (the words come from the service). The block's reason
 * is the blocked member's; it is not shown.
 */
export function BlockedPartyNotice({ notice }: { notice: { heading: string; text: string } }) {
  return (
    <section className="card callout" aria-labelledby="blocked-party-heading">
      <h2 id="blocked-party-heading">{notice.heading}</h2>
      <p>{notice.text}</p>
    </section>
  )
}

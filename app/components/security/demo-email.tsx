/**
 * On the demo, where no email leaves the server: the message a code was sent in, shown to the person
 * it was sent to (the loader reads it only with DEMO on and the offline outbox as the mail transport).
 */
export function DemoEmail({ text }: { text: string }) {
  return (
    <section className="card callout" aria-labelledby="demo-email-heading">
      <h2 id="demo-email-heading">The email, on this demo</h2>
      <p>This demo sends no real email. Here is the message it sent you:</p>
      <pre className="email__body">{text}</pre>
    </section>
  )
}

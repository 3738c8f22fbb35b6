/**
 * Which second factor to pick, for someone who has never set one up: the six methods are not equally
 * safe, and a newcomer cannot tell that from their names. Open until the first one is on.
 */
export function ChoosingAMethod({ open }: { open: boolean }) {
  return (
    <details className="choosing-a-method" open={open}>
      <summary>Which one should I choose?</summary>
      <ul>
        <li>
          <strong>Best: a passkey</strong>, or a security key if you have one. Nothing to type, and it only works on
          MegiLance, so a look-alike site cannot trick you into handing it over.
        </li>
        <li>
          <strong>Good: an authenticator app</strong>, when your device cannot hold a passkey. It works without a phone
          signal.
        </li>
        <li>
          <strong>Better than nothing: text message or email codes.</strong> Whoever takes over your phone number or
          mailbox can read them.
        </li>
        <li>
          <strong>Then: backup codes.</strong> Print or save them; they let you in if you lose your phone or key.
        </li>
      </ul>
      <p className="muted">
        For a day after you add a method it cannot confirm changes to your account (so someone who got in cannot add
        their own and lock you out): adding another method in that day asks for a code sent to your email.
      </p>
    </details>
  )
}

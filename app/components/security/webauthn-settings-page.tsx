import type { SubmissionResult } from '@conform-to/react'
import { Link } from '@remix-run/react'
import { WEBAUTHN_KIND_TEXT } from '~/services/security/webauthn-kind-text'
import { WebAuthnCredentialList, type CredentialItem } from './webauthn-credentials'
import { WebAuthnRegistration } from './webauthn-registration'

type ActionData = { intent: string; id: string | null; result: SubmissionResult<string[]> } | undefined

/** The page shared by Settings → Passkeys and Settings → Security keys. */
export function WebAuthnSettingsPage({
  kind,
  credentials,
  registrationOptions,
  checkHref,
  actionData,
}: {
  kind: keyof typeof WEBAUTHN_KIND_TEXT
  credentials: CredentialItem[]
  registrationOptions: unknown
  /** Where to confirm it is you before adding one, or null when it can be added now. */
  checkHref: string | null
  actionData: ActionData
}) {
  const text = WEBAUTHN_KIND_TEXT[kind]
  return (
    <div className="stack">
      <p>
        <Link to="/settings/security">← Security</Link>
      </p>
      <h2>{text.title}</h2>
      <p className="muted">{text.explanation} Once added, you can use it as the second step when you sign in.</p>
      {credentials.length ? (
        <WebAuthnCredentialList
          credentials={credentials}
          label={`Your ${text.title.toLowerCase()}`}
          renameResult={actionData?.intent === 'rename' ? actionData : null}
        />
      ) : (
        <p>You have not added a {text.one} yet.</p>
      )}
      <section aria-labelledby="add-credential-heading">
        <h3 id="add-credential-heading">{text.addButton}</h3>
        {checkHref ? (
          <p>
            To add a {text.one}, first <Link to={checkHref}>confirm it is you</Link>. This keeps anyone who finds this
            browser signed in from adding one of their own.
          </p>
        ) : (
          // Keyed by the count so the form starts empty again after one is added.
          <WebAuthnRegistration
            key={credentials.length}
            options={registrationOptions}
            addButton={text.addButton}
            one={text.one}
            lastResult={actionData?.intent === 'add' ? actionData.result : null}
          />
        )}
      </section>
    </div>
  )
}

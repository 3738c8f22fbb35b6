import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser'
import { useHydrated } from './use-hydrated'
import { useWebAuthnCeremony } from './use-webauthn-ceremony'

const NEEDS_JAVASCRIPT = 'This method needs JavaScript. Turn it on, or choose another method.'

/**
 * Answers a WebAuthn sign-in challenge inside an enclosing form: the button asks the browser for the
 * passkey or security key, puts the result in the hidden `response` field and submits the form.
 */
export function WebAuthnAnswer({ options, label = 'Use your passkey' }: { options: unknown; label?: string }) {
  const hydrated = useHydrated()
  const { responseRef, busy, error, start } = useWebAuthnCeremony(() =>
    startAuthentication({ optionsJSON: options as PublicKeyCredentialRequestOptionsJSON }),
  )

  return (
    <div className="form-stack">
      <input ref={responseRef} type="hidden" name="response" defaultValue="" />
      {hydrated ? null : <p className="muted">{NEEDS_JAVASCRIPT}</p>}
      <div>
        <button
          type="button"
          className="button button--primary"
          disabled={!hydrated || busy || !options}
          onClick={start}
        >
          {label}
        </button>
      </div>
      {error ? (
        <p className="form-alert" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}

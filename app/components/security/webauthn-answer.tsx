import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser'
import { CeremonyButton } from './ceremony-button'
import { useWebAuthnCeremony } from './use-webauthn-ceremony'
import { AlertMessage } from '~/components/ui/alert-message'

const NEEDS_JAVASCRIPT = 'This method needs JavaScript. Turn it on, or choose another method.'

/**
 * Answers a WebAuthn sign-in challenge inside an enclosing form: the button asks the browser for the
 * passkey or security key, puts the result in the hidden `response` field and submits the form.
 */
export function WebAuthnAnswer({ options, label = 'Use your passkey' }: { options: unknown; label?: string }) {
  const { responseRef, busy, error, start } = useWebAuthnCeremony(() =>
    startAuthentication({ optionsJSON: options as PublicKeyCredentialRequestOptionsJSON }),
  )

  return (
    <div className="form-stack">
      <input ref={responseRef} type="hidden" name="response" defaultValue="" />
      <CeremonyButton
        label={label}
        ready={!!options}
        busy={busy}
        onClick={start}
        withoutJavaScript={NEEDS_JAVASCRIPT}
      />
      <AlertMessage message={error} />
    </div>
  )
}

import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser'
import { useRef, useState } from 'react'
import { useHydrated } from './use-hydrated'

export const NEEDS_JAVASCRIPT = 'This method needs JavaScript. Turn it on, or choose another method.'

/** Why a browser ceremony stopped, in words a user can act on. */
export function ceremonyErrorMessage(error: unknown): string {
  const name = error instanceof Error ? error.name : ''
  if (name === 'NotAllowedError' || name === 'AbortError') return 'That was cancelled or took too long. Try again.'
  if (name === 'InvalidStateError') return 'This one is already added to your account.'
  if (name === 'NotSupportedError') return 'This browser or device cannot do this. Choose another method.'
  return 'Your browser could not complete this. Try again, or choose another method.'
}

/**
 * Answers a WebAuthn sign-in challenge inside an enclosing form: the button asks the browser for the
 * passkey or security key, puts the result in the hidden `response` field and submits the form.
 */
export function WebAuthnAnswer({ options, label = 'Use your passkey' }: { options: unknown; label?: string }) {
  const hydrated = useHydrated()
  const responseRef = useRef<HTMLInputElement>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  async function answer() {
    const input = responseRef.current
    if (!input || !options) return
    setBusy(true)
    setError('')
    try {
      const result = await startAuthentication({ optionsJSON: options as PublicKeyCredentialRequestOptionsJSON })
      input.value = JSON.stringify(result)
      input.form?.requestSubmit()
    } catch (caught) {
      setError(ceremonyErrorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="form-stack">
      <input ref={responseRef} type="hidden" name="response" defaultValue="" />
      {hydrated ? null : <p className="muted">{NEEDS_JAVASCRIPT}</p>}
      <div>
        <button type="button" className="button button--primary" disabled={!hydrated || busy || !options} onClick={answer}>
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

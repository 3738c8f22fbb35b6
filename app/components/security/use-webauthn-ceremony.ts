import { useRef, useState } from 'react'

/** Why a browser ceremony stopped, in words a user can act on. */
function ceremonyErrorMessage(error: unknown): string {
  const name = error instanceof Error ? error.name : ''
  if (name === 'NotAllowedError' || name === 'AbortError') return 'That was cancelled or took too long. Try again.'
  if (name === 'InvalidStateError') return 'This one is already added to your account.'
  if (name === 'NotSupportedError') return 'This browser or device cannot do this. Choose another method.'
  return 'Your browser could not complete this. Try again, or choose another method.'
}

/**
 * Runs a WebAuthn ceremony (sign-in or registration) from a button inside a form: its result goes
 * into the hidden input behind `responseRef` and the form is submitted; a refusal becomes `error`.
 */
export function useWebAuthnCeremony(ceremony: () => Promise<unknown>) {
  const responseRef = useRef<HTMLInputElement>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  async function start() {
    const input = responseRef.current
    if (!input) return
    setBusy(true)
    setError('')
    try {
      input.value = JSON.stringify(await ceremony())
      input.form?.requestSubmit()
    } catch (caught) {
      setError(ceremonyErrorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  return { responseRef, busy, error, start }
}

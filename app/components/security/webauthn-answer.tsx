import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser'
import { useEffect, useRef, useState } from 'react'

/** Runs the browser's WebAuthn prompt and submits the enclosing form with the signed answer. */
export function WebAuthnAnswer({ options, label }: { options: unknown; label: string }) {
  const [hydrated, setHydrated] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const responseRef = useRef<HTMLInputElement>(null)
  useEffect(() => setHydrated(true), [])

  async function answer(event: React.MouseEvent<HTMLButtonElement>) {
    const form = event.currentTarget.form
    setProblem(null)
    try {
      const result = await startAuthentication({ optionsJSON: options as PublicKeyCredentialRequestOptionsJSON })
      if (responseRef.current) responseRef.current.value = JSON.stringify(result)
      form?.requestSubmit()
    } catch {
      setProblem('Your browser did not confirm. Try again, or choose another method.')
    }
  }

  return (
    <>
      <input ref={responseRef} type="hidden" name="response" />
      {hydrated ? null : <p className="muted">This method needs JavaScript. Turn it on, or choose another method.</p>}
      <button type="button" className="button button--primary" disabled={!hydrated} onClick={answer}>
        {label}
      </button>
      {problem ? (
        <p role="alert" className="form-alert">
          {problem}
        </p>
      ) : null}
    </>
  )
}

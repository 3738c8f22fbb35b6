import type { ReactNode } from 'react'
import { useHydrated } from './use-hydrated'

/**
 * The button that starts a WebAuthn ceremony. Until JavaScript runs it is disabled and says why;
 * it also waits for the server's options and for a ceremony already under way.
 */
export function CeremonyButton({
  label,
  ready,
  busy,
  onClick,
  withoutJavaScript,
}: {
  label: string
  ready: boolean
  busy: boolean
  onClick: () => void
  withoutJavaScript: ReactNode
}) {
  const hydrated = useHydrated()
  return (
    <>
      {hydrated ? null : <p className="muted">{withoutJavaScript}</p>}
      <div>
        <button
          type="button"
          className="button button--primary"
          disabled={!hydrated || busy || !ready}
          onClick={onClick}
        >
          {label}
        </button>
      </div>
    </>
  )
}

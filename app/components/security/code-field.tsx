import type { HTMLAttributes } from 'react'
import { RequiredMark } from '~/components/ui/field'

/**
 * The one field of a code form (a sign-up code, a second factor): "Code", required, filled in by the
 * browser from a text message or email where it can. While `error` shows, the field points at it.
 */
export function CodeField({
  id,
  errorId,
  error,
  inputMode = 'numeric',
  pattern,
  focus,
}: {
  id: string
  errorId: string
  error: boolean
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode']
  pattern?: string
  focus?: boolean
}) {
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        Code
        <RequiredMark required />
      </label>
      <input
        id={id}
        name="code"
        className="field__input"
        inputMode={inputMode}
        autoComplete="one-time-code"
        required
        pattern={pattern}
        // eslint-disable-next-line jsx-a11y/no-autofocus -- only where the code is the page’s one task (`focus`)
        autoFocus={focus}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
    </div>
  )
}

/**
 * A message in the alert style that appears when there is something to say (a refused step, a
 * conflict, a call problem) and is announced as it appears; nothing when `message` is empty.
 * Several messages are joined into one sentence.
 */
export function AlertMessage({
  id,
  message,
}: {
  id?: string
  message: string | readonly (string | null)[] | null | undefined
}) {
  const text = typeof message === 'string' ? message : message?.filter(Boolean).join(' ')
  return text ? (
    <p id={id} className="form-alert" role="alert">
      {text}
    </p>
  ) : null
}

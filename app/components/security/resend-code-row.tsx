import { Form } from '@remix-run/react'

/** Below a code form: send the code again, or go back and type another address or number. */
export function ResendCodeRow({ changeLabel }: { changeLabel: string }) {
  return (
    <Form method="post" className="action-row">
      <button type="submit" name="intent" value="resend" className="button button--secondary">
        Send a new code
      </button>
      <button type="submit" name="intent" value="cancel" className="button button--ghost">
        {changeLabel}
      </button>
    </Form>
  )
}

import { Form } from '@remix-run/react'

/** "Start a call", or "Join the call" while one goes on, for a contract's or a conversation's two sides. */
export function StartCallForm({
  field,
  value,
  ongoing,
}: {
  field: 'conversationId' | 'contractId'
  value: string
  ongoing: boolean
}) {
  return (
    <Form method="post" action="/calls/start" className="inline-form">
      <input type="hidden" name={field} value={value} />
      <button type="submit" className={ongoing ? 'button button--primary' : 'button'}>
        {ongoing ? 'Join the call' : 'Start a call'}
      </button>
    </Form>
  )
}

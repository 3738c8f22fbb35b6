import { type ActionFunctionArgs } from '@remix-run/node'
import { json } from '~/http/json.server'
import { receiveStripeWebhook } from '~/services/payments/cards/stripe-webhooks.server'
import { readWebhookBody } from '~/http/form-data.server'

/**
 * Stripe's signed event deliveries. The body is read as text, untouched, because the signature
 * covers its exact bytes; nothing before Remix parses it (see server/app.ts). At most 1 MB is read.
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST')
    return json({ received: false, error: 'POST only.' }, { status: 405, headers: { Allow: 'POST' } })
  const reply = await receiveStripeWebhook(await readWebhookBody(request), request.headers.get('stripe-signature'))
  return json(reply.body, { status: reply.status })
}

export function loader() {
  return json({ error: 'Stripe sends POST requests here.' }, { status: 405, headers: { Allow: 'POST' } })
}

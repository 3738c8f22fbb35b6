import { type ActionFunctionArgs } from '@remix-run/node'
import { json } from '~/http/json.server'
import { confirmCryptoPayment } from '~/services/payments/crypto/crypto-payments.server'
import {
  CRYPTO_SIGNATURE_HEADER,
  CryptoWebhookSchema,
  verifyCryptoWebhookSignature,
} from '~/services/payments/crypto/crypto-webhook.server'
import { getEnv } from '~/utils/env.server'
import { readWebhookBody } from '~/http/form-data.server'

/** Only the provider POSTs here. */
export async function loader() {
  return json({ error: 'Method not allowed' }, { status: 405, headers: { Allow: 'POST' } })
}

/**
 * The crypto provider reports a payment: signed over the raw body with CRYPTO_WEBHOOK_SECRET.
 * A replay answers 200 and moves nothing; a payment that cannot fund its request answers 409 and is
 * kept for an admin to refund.
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST')
    return json({ error: 'Method not allowed' }, { status: 405, headers: { Allow: 'POST' } })
  const secret = getEnv().CRYPTO_WEBHOOK_SECRET
  if (!secret)
    return json({ error: 'Crypto webhooks are not configured (CRYPTO_WEBHOOK_SECRET is unset).' }, { status: 503 })
  const rawBody = await readWebhookBody(request)
  if (!verifyCryptoWebhookSignature(rawBody, request.headers.get(CRYPTO_SIGNATURE_HEADER), secret)) {
    return json({ error: 'Bad signature' }, { status: 401 })
  }
  let body: unknown
  try {
    body = JSON.parse(rawBody)
  } catch {
    return json({ error: 'The body is not JSON.' }, { status: 400 })
  }
  const parsed = CryptoWebhookSchema.safeParse(body)
  if (!parsed.success)
    return json(
      { error: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') },
      { status: 400 },
    )
  const outcome = await confirmCryptoPayment({ ...parsed.data, via: 'webhook' })
  switch (outcome.kind) {
    case 'funded':
    case 'to_wallet':
      return json({ ok: true, status: 'confirmed', fundedMilestone: outcome.kind === 'funded' })
    case 'already_confirmed':
      return json({ ok: true, status: 'confirmed', replay: true })
    case 'recorded_for_refund':
      return json({ ok: false, reason: outcome.reason, error: outcome.message }, { status: 409 })
    case 'transaction_used':
      return json({ ok: false, error: outcome.message }, { status: 409 })
    case 'not_found':
      return json({ ok: false, error: 'No such payment request.' }, { status: 404 })
  }
}

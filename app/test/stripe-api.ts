import { http, HttpResponse } from 'msw'

/** The Stripe API the real SDK calls; tests intercept it with the shared MSW server. */
export const STRIPE_API = 'https://api.stripe.com/v1'

/** One request the SDK sent, as the tests check it. */
export type StripeCall = {
  method: string
  path: string
  form: Record<string, string>
  idempotencyKey: string | null
  stripeAccount: string | null
  auth: string | null
}

/** An MSW resolver that notes each request in `seen` and answers with `body`. */
export function record(seen: StripeCall[], body: (call: StripeCall) => object, status = 200) {
  return async ({ request }: { request: Request }) => {
    const entry = {
      method: request.method,
      path: new URL(request.url).pathname,
      form: Object.fromEntries(new URLSearchParams(await request.text())),
      idempotencyKey: request.headers.get('idempotency-key'),
      stripeAccount: request.headers.get('stripe-account'),
      auth: request.headers.get('authorization'),
    }
    seen.push(entry)
    return HttpResponse.json(body(entry), { status })
  }
}

/** Stripe answers POST /v1/<path> with `body`, noting the request in `seen`. */
export const stripePost = (seen: StripeCall[], path: string, body: (call: StripeCall) => object, status = 200) =>
  http.post(`${STRIPE_API}/${path}`, record(seen, body, status))

/** A Stripe error body. */
export const stripeError = (type: string, message: string, extra: object = {}) => ({
  error: { type, message, ...extra },
})

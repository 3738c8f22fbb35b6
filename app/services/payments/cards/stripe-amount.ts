import { currencyDigits } from '~/utils/format'

/**
 * Stripe's API takes amounts in its own minor units, which mostly but not always match ISO 4217's:
 * these currencies are whole units at Stripe, three-decimal ones must end in 0, and Stripe counts
 * ISK in hundredths although ISO gives it no decimals (https://docs.stripe.com/currencies).
 */
const ZERO_DECIMAL = new Set([
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'JPY',
  'KMF',
  'KRW',
  'MGA',
  'PYG',
  'RWF',
  'UGX',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
])
const THREE_DECIMAL = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND'])

function stripeDigits(currency: string): number {
  const code = currency.toUpperCase()
  if (ZERO_DECIMAL.has(code)) return 0
  if (THREE_DECIMAL.has(code)) return 3
  return 2
}

export type StripeAmount = { ok: true; amount: number; currency: string } | { ok: false; message: string }

/** Our ISO minor units → Stripe's amount and lower-case currency, or why Stripe cannot take it. */
export function toStripeAmount(amountMinor: number, currency: string): StripeAmount {
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0)
    return { ok: false, message: 'The amount must be above zero.' }
  const shift = stripeDigits(currency) - currencyDigits(currency)
  const amount = shift >= 0 ? amountMinor * 10 ** shift : amountMinor / 10 ** -shift
  if (!Number.isSafeInteger(amount))
    return {
      ok: false,
      message: `Stripe cannot charge this amount in ${currency.toUpperCase()}: it has more decimals than Stripe takes.`,
    }
  if (THREE_DECIMAL.has(currency.toUpperCase()) && amount % 10 !== 0) {
    return {
      ok: false,
      message: `Stripe charges ${currency.toUpperCase()} only in multiples of 0.010; round the amount to two decimals.`,
    }
  }
  return { ok: true, amount, currency: currency.toLowerCase() }
}

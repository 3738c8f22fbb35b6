/**
 * The codes and minor-unit digits of every currency currencies.ts knows, without their names: what
 * amount formatting and the currency selects need, small enough for every page's JavaScript
 * (currencies.ts reads the `currency-codes` package: about 5.5 KB gzip in the browser).
 * currency-digits.test.ts checks that the two agree.
 */

/** Active, spendable ISO 4217 fiat codes, as currencies.ts lists them. */
const FIAT =
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VED VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWG'
/** Fiat currencies counted in whole units, and those with 3 digits; every other fiat one has 2. */
const WHOLE =
  'AFN ALL BIF CLP COP DJF GNF HUF IDR IQD IRR ISK JPY KMF KPW KRW LAK LBP MGA MMK PKR PYG RWF SOS SYP UGX VND VUV XAF XOF XPF YER'
const THREE = 'BHD JOD KWD LYD OMR TND'
/** The cryptocurrencies, with their on-chain decimals. */
const CRYPTO: Readonly<Record<string, number>> = { BTC: 8, ETH: 18, USDT: 6, USDC: 6, BNB: 18, SOL: 9, POL: 18 }
/** Old names still typed by users; they resolve to the current code. */
const ALIASES: Readonly<Record<string, string>> = { MATIC: 'POL' }

export const FIAT_CURRENCY_CODES: readonly string[] = FIAT.split(' ')
const FIAT_SET = new Set(FIAT_CURRENCY_CODES)
const WHOLE_SET = new Set(WHOLE.split(' '))
const THREE_SET = new Set(THREE.split(' '))

function canonical(code: string): string {
  const upper = code.trim().toUpperCase()
  return ALIASES[upper] ?? upper
}

/** The minor-unit digits of a currency the app knows (case-insensitive; MATIC is POL), else undefined. */
export function knownCurrencyDigits(code: string): number | undefined {
  const known = canonical(code)
  if (FIAT_SET.has(known)) return WHOLE_SET.has(known) ? 0 : THREE_SET.has(known) ? 3 : 2
  return Object.hasOwn(CRYPTO, known) ? CRYPTO[known] : undefined
}

/** The code of a currency the app knows, as currencies.ts writes it (" usd" is USD, MATIC is POL), else undefined. */
export function knownCurrencyCode(code: string): string | undefined {
  const known = canonical(code)
  return FIAT_SET.has(known) || Object.hasOwn(CRYPTO, known) ? known : undefined
}

/** The code of a cryptocurrency the app knows (case-insensitive; MATIC is POL), else undefined. */
export function knownCryptoCode(code: string): string | undefined {
  const known = canonical(code)
  return Object.hasOwn(CRYPTO, known) ? known : undefined
}

/**
 * Every fiat code with the given common ones first (for selects whose first option is the default),
 * typed as a non-empty tuple so it can back a z.enum.
 */
export function withCommonFirst(common: readonly string[]): readonly [string, ...string[]] {
  const first = common.filter((code) => FIAT_SET.has(canonical(code)))
  const rest = FIAT_CURRENCY_CODES.filter((code) => !first.includes(code))
  return [...first, ...rest] as unknown as readonly [string, ...string[]]
}

/** A freelancer's rate may be in any active ISO 4217 fiat currency, the most used first. */
export const PROFILE_CURRENCIES = withCommonFirst([
  'USD',
  'EUR',
  'GBP',
  'CAD',
  'AUD',
  'INR',
  'PKR',
  'NGN',
  'BRL',
  'JPY',
])

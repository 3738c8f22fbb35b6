import { data as isoCurrencies } from 'currency-codes'

/**
 * Every currency the app knows: active ISO 4217 fiat currencies (from the maintained `currency-codes`
 * package, with their minor-unit digits) plus seven cryptocurrencies with their on-chain decimals.
 * Pure and browser-safe: the currency selector and formatting use it on both sides.
 */
export type CurrencyInfo = { code: string; name: string; digits: number; kind: 'fiat' | 'crypto' }

/**
 * ISO 4217 codes that are not money a person pays with: precious metals, bond-market units, SDR and
 * other units of account, funds codes (next-day dollars, indexed units), the testing code and XXX.
 */
const NOT_SPENDABLE = new Set([
  'XAU',
  'XAG',
  'XPT',
  'XPD', // precious metals
  'XBA',
  'XBB',
  'XBC',
  'XBD', // bond markets units
  'XDR',
  'XSU',
  'XUA', // SDR, Sucre, ADB unit of account
  'XTS',
  'XXX', // testing, "no currency"
  'BOV',
  'CHE',
  'CHW',
  'CLF',
  'COU',
  'MXV',
  'USN',
  'UYI',
  'UYW', // funds codes
])

const CRYPTO: readonly CurrencyInfo[] = [
  { code: 'BTC', name: 'Bitcoin', digits: 8, kind: 'crypto' },
  { code: 'ETH', name: 'Ether', digits: 18, kind: 'crypto' },
  { code: 'USDT', name: 'Tether USD', digits: 6, kind: 'crypto' },
  { code: 'USDC', name: 'USD Coin', digits: 6, kind: 'crypto' },
  { code: 'BNB', name: 'BNB', digits: 18, kind: 'crypto' },
  { code: 'SOL', name: 'Solana', digits: 9, kind: 'crypto' },
  { code: 'POL', name: 'Polygon (POL, formerly MATIC)', digits: 18, kind: 'crypto' },
]

/**
 * Currencies whose ISO minor unit is not used in practice: CLDR, and so Intl.NumberFormat, shows them
 * in whole units, and every amount the app already stores in them counts whole units. Keeping them
 * here means one answer app-wide for "how many digits does this currency have".
 */
const WHOLE_UNITS_IN_PRACTICE = new Set([
  'AFN',
  'ALL',
  'COP',
  'HUF',
  'IDR',
  'IQD',
  'IRR',
  'KPW',
  'LAK',
  'LBP',
  'MGA',
  'MMK',
  'PKR',
  'SOS',
  'SYP',
  'YER',
])

/** Old names still typed by users; they resolve to the current code. */
const ALIASES: Readonly<Record<string, string>> = { MATIC: 'POL' }

const FIAT: readonly CurrencyInfo[] = isoCurrencies
  .filter((record) => !NOT_SPENDABLE.has(record.code))
  .map((record) => ({
    code: record.code,
    name: record.currency.trim(),
    digits: WHOLE_UNITS_IN_PRACTICE.has(record.code) ? 0 : record.digits,
    kind: 'fiat' as const,
  }))
  .sort((a, b) => a.code.localeCompare(b.code))

const BY_CODE = new Map<string, CurrencyInfo>([...FIAT, ...CRYPTO].map((currency) => [currency.code, currency]))

export const FIAT_CODES: readonly string[] = FIAT.map((currency) => currency.code)
export const CRYPTO_CODES: readonly string[] = CRYPTO.map((currency) => currency.code)

/** All currencies (fiat by code, then crypto in a fixed order), or only one kind. */
export function listCurrencies(kind?: CurrencyInfo['kind']): CurrencyInfo[] {
  if (kind === 'fiat') return [...FIAT]
  if (kind === 'crypto') return [...CRYPTO]
  return [...FIAT, ...CRYPTO]
}

/** Case-insensitive lookup; "matic" finds POL. Undefined for anything unknown. */
export function findCurrency(code: string): CurrencyInfo | undefined {
  const upper = code.trim().toUpperCase()
  return BY_CODE.get(ALIASES[upper] ?? upper)
}

export function isCrypto(code: string): boolean {
  return findCurrency(code)?.kind === 'crypto'
}

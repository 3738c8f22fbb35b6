import snapshot from './snapshot.json'

/** A currency the ECB does not list, priced against another one (a peg, or an approximate level). */
export type AnchoredRate = { per: string; rate: string; basis: 'peg' | 'approximate' }

/**
 * The rates shipped with the app: the embedded default (EXCHANGE_RATES_SOURCE=snapshot) and the
 * fallback when a live provider fails. ECB currencies as units per 1 EUR, crypto as USD per coin,
 * others as units per 1 of their anchor currency.
 */
export const RATE_SNAPSHOT = {
  asOf: new Date(snapshot.asOf),
  note: snapshot.note,
  ecbPerEur: snapshot.ecbPerEur as Readonly<Record<string, string>>,
  others: snapshot.others as Readonly<Record<string, AnchoredRate>>,
  cryptoUsd: snapshot.cryptoUsd as Readonly<Record<string, string>>,
}

/** Every fiat code the snapshot can price (with EUR itself). */
export function snapshotFiatCodes(): string[] {
  return ['EUR', ...Object.keys(RATE_SNAPSHOT.ecbPerEur), ...Object.keys(RATE_SNAPSHOT.others)]
}

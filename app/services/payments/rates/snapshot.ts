import snapshot from './snapshot.json'

/**
 * The rates shipped with the app: the embedded default (EXCHANGE_RATES_SOURCE=snapshot) and the
 * fallback when a live provider fails. Fiat as units per 1 EUR, crypto as USD per coin.
 */
export const RATE_SNAPSHOT = {
  asOf: new Date(snapshot.asOf),
  note: snapshot.note,
  fiatPerEur: { EUR: '1', ...snapshot.fiatPerEur.ecb, ...snapshot.fiatPerEur.others } as Readonly<Record<string, string>>,
  /** The currencies the ECB lists; the others come from pegs or approximate levels (see the JSON). */
  ecbCodes: Object.keys(snapshot.fiatPerEur.ecb),
  cryptoUsd: snapshot.cryptoUsd as Readonly<Record<string, string>>,
}

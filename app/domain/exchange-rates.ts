/** Exchange-rate vocabulary shared by the rate providers and the table that caches them. */

/** One rate a live provider reported: 1 base = rate quote, set at asOf. */
export type ProviderRate = { base: string; quote: string; rate: string; asOf: Date }

export type LiveRateSource = 'ecb' | 'coingecko'

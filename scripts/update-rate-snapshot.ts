/**
 * Refreshes app/services/payments/rates/snapshot.json from the live providers (ECB daily reference
 * rates, CoinGecko simple price). Run where the internet is reachable:
 *   npx tsx scripts/update-rate-snapshot.ts
 * Currencies the ECB does not list (pegs, approximate levels) are kept as they are.
 */
import fs from 'node:fs'
import path from 'node:path'
import { CoinGeckoRateProvider } from '~/services/payments/rates/coingecko.server'
import { EcbRateProvider } from '~/services/payments/rates/ecb.server'

const file = path.resolve('app/services/payments/rates/snapshot.json')
const snapshot = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>

const [ecb, coins] = await Promise.all([
  new EcbRateProvider({ timeoutMs: 15_000 }).fetchRates(),
  new CoinGeckoRateProvider({ apiKey: process.env.COINGECKO_API_KEY, timeoutMs: 15_000 }).fetchRates(),
])
const cryptoUsd = Object.fromEntries(coins.filter((rate) => rate.quote === 'USD').map((rate) => [rate.base, rate.rate]))
const asOf = new Date(Math.min(...[...ecb, ...coins].map((rate) => rate.asOf.getTime())))

const updated = {
  ...snapshot,
  asOf: asOf.toISOString(),
  note:
    'Shipped offline default: ECB daily reference rates and CoinGecko USD prices fetched by scripts/update-rate-snapshot.ts. ' +
    'Currencies in "others" are pegs or approximate levels kept by hand.',
  ecbPerEur: Object.fromEntries(ecb.map((rate) => [rate.quote, rate.rate]).sort(([a], [b]) => a!.localeCompare(b!))),
  cryptoUsd: { ...(snapshot.cryptoUsd as Record<string, string>), ...cryptoUsd },
}
fs.writeFileSync(file, `${JSON.stringify(updated, null, 2)}\n`)
console.log(
  `Snapshot updated: ${ecb.length} ECB rates, ${Object.keys(cryptoUsd).length} crypto prices, as of ${updated.asOf}`,
)

import { createRequire } from 'node:module'

/** One entry of the sales-tax package's table: a national rate, maybe regional ones, maybe older ones. */
export type SourceEntry = {
  type: string
  currency?: string
  rate: number
  states?: Record<string, { type: string; rate: number; before?: Record<string, { type: string; rate: number }> }>
  before?: Record<string, { type: string; currency?: string; rate: number }>
}

// Read with require: the package ships plain JSON, which the ESM server build cannot import as is.
const require = createRequire(import.meta.url)

/** The country table of the maintained `sales-tax` package (country code → rates). */
export const SOURCE_RATES = require('sales-tax/res/sales_tax_rates.json') as Record<string, SourceEntry>
/** The package's own list of EU member states, used for reverse charge. */
export const SOURCE_EU_COUNTRIES = (require('sales-tax/res/region_countries.json') as { EU: string[] }).EU
export const SOURCE_VERSION = (require('sales-tax/package.json') as { version: string }).version

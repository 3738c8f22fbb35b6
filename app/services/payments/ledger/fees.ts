/** The one published platform fee: a share of each released payment, paid by the freelancer. */
const DEFAULT_PLATFORM_FEE_PERCENT = 10

export type FeeSplit = { grossMinor: number; feeMinor: number; netMinor: number }

/**
 * Splits a released amount into the platform fee and what the freelancer receives. The fee is
 * rounded half up to a whole minor unit, so fee + net is always exactly the gross amount.
 */
export function splitPlatformFee(grossMinor: number, feePercent = DEFAULT_PLATFORM_FEE_PERCENT): FeeSplit {
  if (!Number.isSafeInteger(grossMinor) || grossMinor < 0)
    throw new RangeError(`Not an amount in minor units: ${grossMinor}`)
  // Basis points keep fractional percentages (e.g. 7.5 %) in integer arithmetic.
  const basisPoints = Math.round(feePercent * 100)
  const feeMinor = Math.floor((grossMinor * basisPoints + 5_000) / 10_000)
  return { grossMinor, feeMinor, netMinor: grossMinor - feeMinor }
}

import { exactMinor } from '~/services/domain-errors'

/** The one published platform fee: a share of each released payment, paid by the freelancer. */
const DEFAULT_PLATFORM_FEE_PERCENT = 10

export type FeeSplit = { grossMinor: number; feeMinor: number; netMinor: number }

/**
 * Splits a released amount into the platform fee and what the freelancer receives. The fee is
 * rounded half up to a whole minor unit, so fee + net is always exactly the gross amount.
 */
export function splitPlatformFee(grossMinor: number, feePercent = DEFAULT_PLATFORM_FEE_PERCENT): FeeSplit {
  if (!Number.isInteger(grossMinor) || grossMinor < 0)
    throw new RangeError(`Not an amount in minor units: ${grossMinor}`)
  exactMinor(BigInt(grossMinor))
  // Basis points keep fractional percentages (e.g. 7.5 %) in integer arithmetic; BigInt keeps the
  // product exact (gross times basis points passes 2^53 from about 9 x 10^12 minor units).
  const basisPoints = BigInt(Math.round(feePercent * 100))
  const feeMinor = Number((BigInt(grossMinor) * basisPoints + 5_000n) / 10_000n)
  return { grossMinor, feeMinor, netMinor: grossMinor - feeMinor }
}

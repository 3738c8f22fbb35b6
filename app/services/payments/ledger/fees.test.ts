import { describe, expect, it } from 'vitest'
import { splitPlatformFee } from './fees'

describe('splitPlatformFee', () => {
  it('takes 10 % by default and gives the rest to the freelancer', () => {
    expect(splitPlatformFee(50_000)).toEqual({ grossMinor: 50_000, feeMinor: 5_000, netMinor: 45_000 })
  })

  it('rounds the fee half up and never loses a minor unit', () => {
    expect(splitPlatformFee(5)).toEqual({ grossMinor: 5, feeMinor: 1, netMinor: 4 })
    expect(splitPlatformFee(4)).toEqual({ grossMinor: 4, feeMinor: 0, netMinor: 4 })
    for (const gross of [1, 99, 12_345, 999_999_999]) {
      const split = splitPlatformFee(gross, 7.5)
      expect(split.feeMinor + split.netMinor).toBe(gross)
    }
  })

  it('refuses amounts that are not whole minor units', () => {
    expect(() => splitPlatformFee(10.5)).toThrow(RangeError)
    expect(() => splitPlatformFee(-1)).toThrow(RangeError)
  })
})

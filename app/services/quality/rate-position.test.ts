import { describe, expect, it } from 'vitest'
import { MIN_ACCEPTED_RATES, ratePosition } from './rate-position'

const rates = [2000, 2500, 3000, 3500, 4000, 4500, 5000, 5500, 6000, 6500, 7000]

describe('rate position', () => {
  // 5000 is the 7th of 11: 7/11 of accepted rates are at or below it.
  it('places the rate among accepted rates with the quartiles', () => {
    expect(
      ratePosition({ rateMinor: 5000, currency: 'USD', skills: ['React'], acceptedRates: rates, freelancers: 5 }),
    ).toEqual({
      kind: 'placed',
      n: 11,
      currency: 'USD',
      rateMinor: 5000,
      percentile: 64,
      // Rounded to two significant figures like price suggestions: 3250 → 3300, 5750 → 5800.
      p25: 3300,
      median: 4500,
      p75: 5800,
    })
  })

  it('puts a rate above all at 100 and below all at 0', () => {
    const at = (rateMinor: number) =>
      ratePosition({ rateMinor, currency: 'USD', skills: ['React'], acceptedRates: rates, freelancers: 5 })
    expect(at(9000)).toMatchObject({ percentile: 100 })
    expect(at(1000)).toMatchObject({ percentile: 0 })
  })

  it('says there are too few accepted rates instead of giving a number', () => {
    const few = rates.slice(0, MIN_ACCEPTED_RATES - 1)
    expect(
      ratePosition({ rateMinor: 5000, currency: 'EUR', skills: ['React'], acceptedRates: few, freelancers: 9 }),
    ).toEqual({
      kind: 'too-few',
      n: 9,
      freelancers: 9,
      currency: 'EUR',
    })
  })

  it('gives no position from rates of fewer than 5 different freelancers, however many rates', () => {
    // Before: 11 rates of 2 people were placed with their exact quartiles.
    expect(
      ratePosition({ rateMinor: 5000, currency: 'USD', skills: ['React'], acceptedRates: rates, freelancers: 4 }),
    ).toEqual({
      kind: 'too-few',
      n: 11,
      freelancers: 4,
      currency: 'USD',
    })
  })

  it('needs a rate and skills to compare', () => {
    expect(
      ratePosition({ rateMinor: null, currency: 'USD', skills: ['React'], acceptedRates: rates, freelancers: 5 }).kind,
    ).toBe('no-rate')
    expect(
      ratePosition({ rateMinor: 5000, currency: 'USD', skills: [], acceptedRates: rates, freelancers: 5 }).kind,
    ).toBe('no-skills')
  })
})

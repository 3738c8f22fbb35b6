import { describe, expect, it } from 'vitest'
import { confidenceFor, quantile, quartiles, suggestPrice } from './price-suggestion'
import { roundForDisplay } from './price-privacy'

describe('price suggestion statistics', () => {
  it('computes quartiles by linear interpolation, in whole minor units', () => {
    expect(quartiles([10, 20, 30, 40, 50])).toEqual({ n: 5, p25: 20, median: 30, p75: 40 })
    // Even count: the median is halfway between the middle two.
    expect(quartiles([40_000, 10_000, 30_000, 20_000])).toEqual({ n: 4, p25: 17_500, median: 25_000, p75: 32_500 })
    expect(quantile([1, 2], 0.5)).toBe(2) // 1.5 rounds half up to a whole cent
    expect(quartiles([7_000])).toEqual({ n: 1, p25: 7_000, median: 7_000, p75: 7_000 })
  })

  it('has no quartiles without data and ignores values that are not amounts', () => {
    expect(quartiles([])).toBeNull()
    expect(quartiles([0, -5, 1.5, Number.NaN])).toBeNull()
    expect(quartiles([0, 100, 300])).toEqual({ n: 2, p25: 150, median: 200, p75: 250 })
  })

  it('gives confidence from the sample size: low under 10, medium under 30, high from 30', () => {
    expect([0, 1, 9, 10, 29, 30, 500].map(confidenceFor)).toEqual([
      'none',
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
    ])
  })

  it('suggests a fixed price from accepted fixed bids only', () => {
    const suggestion = suggestPrice({
      budgetType: 'fixed',
      currency: 'USD',
      acceptedBids: [50_000, 60_000, 70_000, 80_000, 90_000],
      bidders: 5,
      freelancerRates: [4_000, 5_000],
      otherCurrencyCount: 3,
    })
    expect(suggestion).toEqual({
      budgetType: 'fixed',
      currency: 'USD',
      acceptedBids: { n: 5, p25: 60_000, median: 70_000, p75: 80_000 },
      acceptedBidsWithheld: 0,
      freelancerRates: null,
      suggested: { lowMinor: 60_000, highMinor: 80_000 },
      basedOn: 5,
      confidence: 'low',
      otherCurrencyCount: 3,
    })
  })

  it('suggests an hourly rate from accepted hourly bids and profile rates together', () => {
    const rates = Array.from({ length: 25 }, (_, index) => 3_000 + index * 100)
    const suggestion = suggestPrice({
      budgetType: 'hourly',
      currency: 'EUR',
      acceptedBids: [4_000, 4_250, 4_500, 4_750, 5_000],
      bidders: 5,
      freelancerRates: rates,
    })
    expect(suggestion.freelancerRates?.n).toBe(25)
    expect(suggestion.acceptedBids).toEqual({ n: 5, p25: 4_300, median: 4_500, p75: 4_800 })
    expect(suggestion.basedOn).toBe(30)
    expect(suggestion.confidence).toBe('high')
    expect(suggestion.suggested).toEqual({ lowMinor: 3_700, highMinor: 4_800 })
  })

  it("never shows one person's accepted bid: bids from fewer than 5 freelancers are left out and counted", () => {
    const single = suggestPrice({
      budgetType: 'fixed',
      currency: 'USD',
      acceptedBids: [123_456],
      bidders: 1,
      freelancerRates: [],
    })
    expect(single).toMatchObject({ acceptedBids: null, acceptedBidsWithheld: 1, suggested: null, basedOn: 0 })
    // Five bids by four freelancers: still one person's prices among few.
    const four = suggestPrice({
      budgetType: 'hourly',
      currency: 'USD',
      acceptedBids: [6_000, 6_100, 6_200, 6_300, 6_400],
      bidders: 4,
      freelancerRates: [4_000, 5_000, 7_000],
    })
    expect(four).toMatchObject({ acceptedBids: null, acceptedBidsWithheld: 5, basedOn: 3 })
    expect(four.suggested).toEqual({ lowMinor: 4_500, highMinor: 6_000 })
  })

  it('rounds figures from accepted bids to two significant figures', () => {
    expect([123_456, 4_550, 99, 1_000, 9_960].map(roundForDisplay)).toEqual([120_000, 4_600, 99, 1_000, 10_000])
  })

  it('suggests nothing, with no confidence, when there is no data', () => {
    expect(
      suggestPrice({ budgetType: 'hourly', currency: 'GBP', acceptedBids: [], bidders: 0, freelancerRates: [] }),
    ).toMatchObject({ suggested: null, basedOn: 0, confidence: 'none' })
  })
})

import { describe, expect, it } from 'vitest'
import { countDistinctPeople, encodeAmounts, encodeOrdinals, topTotals } from './ordinal-sets'

describe('sets and totals per person over stored days and live rows', () => {
  it('counts each person once across days, live rows and people without an ordinal yet', () => {
    const days = [encodeOrdinals([1, 2]), encodeOrdinals([2, 3])]
    const live = [
      { ordinal: 3, userId: 'c' },
      { ordinal: null, userId: 'new' },
      { ordinal: null, userId: 'new' },
    ]
    expect(countDistinctPeople(days, live, 3)).toBe(4)
    expect(countDistinctPeople([], [], 0)).toBe(0)
  })

  it('sums each person over the days and keeps everyone tied with the last place', () => {
    const days = [
      encodeAmounts(
        new Map([
          [1, 500],
          [2, 300],
        ]),
      ),
      encodeAmounts(new Map([[3, 200]])),
    ]
    const live = [
      { ordinal: 3, userId: 'c', amountMinor: 100 },
      { ordinal: null, userId: 'new', amountMinor: 300 },
    ]
    expect(topTotals(days, live, 3, 2)).toEqual([
      { ordinal: 1, userId: '', amountMinor: 500 },
      { ordinal: 2, userId: '', amountMinor: 300 },
      { ordinal: 3, userId: '', amountMinor: 300 },
      { ordinal: null, userId: 'new', amountMinor: 300 },
    ])
  })
})

import { describe, expect, it } from 'vitest'
import { fitChoice, type ChoiceSet } from './choice-model'
import { seededRandom } from '~/utils/seeded-random'

const gumbel = (random: () => number) => -Math.log(-Math.log(random() || 1e-12))

describe('fitChoice (conditional logit)', () => {
  it('recovers the coefficients of choices drawn from a known model, from a sample of each set', () => {
    const random = seededRandom(11)
    const sets: ChoiceSet[] = []
    for (let s = 0; s < 1_500; s++) {
      // Feature 0 mostly differs between sets (a level per set), feature 2 never differs within a set.
      const level = random() * 4
      const constant = random()
      const rows = Array.from({ length: 40 }, () => [level + random() * 0.5, random() * 2 - 1, constant])
      const utility = rows.map((x) => 3 * x[0]! - 1 * x[1]! + gumbel(random))
      const chosen = utility.indexOf(Math.max(...utility))
      // The one chosen and an even sample of 10 others.
      const others = rows.filter((_, i) => i !== chosen).slice(0, 10)
      sets.push({ rows: [rows[chosen]!, ...others], chosen: 0 })
    }
    const model = fitChoice(sets, 3)
    expect(model.coefficients[0]).toBeCloseTo(3, 0)
    expect(model.coefficients[1]).toBeCloseTo(-1, 0)
    expect(model.varied).toEqual([true, true, false])
    expect(model.coefficients[2]).toBeCloseTo(0, 5)
  })

  it('refuses when no set has a choice among two or more', () => {
    expect(() => fitChoice([{ rows: [[1]], chosen: 0 }], 1)).toThrow(RangeError)
  })
})

import { describe, expect, it } from 'vitest'
import { bandOf, churnFeatures, churnReasons, ruleScore, type ChurnFacts } from './churn-rules'

const quiet: ChurnFacts = {
  role: 'freelancer',
  recent: 10,
  earlier: 10,
  idleDays: 2,
  unanswered: 0,
  decided: 0,
  won: 0,
  unpaid: 0,
  disputes: 0,
}

describe('churn rules', () => {
  it('scores an engaged account 0, with no reasons, in the low band', () => {
    expect(ruleScore(quiet)).toBe(0)
    expect(churnReasons(quiet)).toEqual([])
    expect(bandOf(0)).toBe('low')
  })

  it('adds the points of every rule that fires and says each in words, strongest first', () => {
    const leaving: ChurnFacts = {
      ...quiet,
      recent: 2,
      earlier: 9,
      idleDays: 30,
      unanswered: 4,
      decided: 10,
      won: 1,
      unpaid: 1,
      disputes: 2,
    }
    expect(ruleScore(leaving)).toBe(100)
    expect(bandOf(ruleScore(leaving) / 100)).toBe('high')
    expect(churnReasons(leaving)).toEqual([
      'Activity fell from 9 to 2 actions (last 45 days against the 45 before)',
      'Nothing done for 30 days',
      '4 proposals unanswered for two weeks or more',
      'Won 1 of 10 proposals decided in 6 months',
      '1 invoice past review and unpaid',
      '2 disputes in 6 months',
    ])
    // With a model, the reasons follow its pushes on the log-odds instead of the points.
    expect(churnReasons(leaving, [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0])[0]).toBe('2 disputes in 6 months')
  })

  it('stops just short of each threshold', () => {
    const near: ChurnFacts = { ...quiet, recent: 3, earlier: 5, idleDays: 20, unanswered: 2, decided: 4, won: 0 }
    expect(ruleScore(near)).toBe(0)
    expect(bandOf(0.25)).toBe('medium')
    expect(bandOf(0.5)).toBe('high')
  })

  it('turns the facts into the model’s eight features', () => {
    expect(churnFeatures({ ...quiet, role: 'client', recent: 1, earlier: 3, decided: 4, won: 1 })).toEqual([
      Math.log1p(1),
      0.5,
      2,
      0,
      0.75,
      0,
      0,
      1,
    ])
  })
})

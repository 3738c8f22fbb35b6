import { describe, expect, it } from 'vitest'
import type { FittedModel } from '~/models/fitted-models.server'
import { areaUnderCurve, fitLogistic, predictLogistic } from './logistic'
import { MATCH_FACTORS } from './matching'
import {
  DEFAULT_WEIGHTS,
  MIN_HIRES,
  chooseWeights,
  fitMatchingWeights,
  hireSamples,
  weightsFromCoefficients,
  type HireSample,
  type HiringData,
} from './matching-model.server'
import { hirePools } from './hire-pool'
import { recordsAsOf } from './records-as-of'
import { SKILLS } from '~/services/marketplace/skills-taxonomy'
import { seededRandom } from '~/utils/seeded-random'

describe('fitLogistic', () => {
  it('recovers the coefficients of data drawn from a known logistic model', () => {
    const random = seededRandom(7)
    const rows: number[][] = []
    const labels: number[] = []
    for (let i = 0; i < 1_500; i++) {
      const x = [random() * 2 - 1, random() * 2 - 1]
      const p = 1 / (1 + Math.exp(-(0.5 + 2 * x[0]! - 1 * x[1]!)))
      rows.push(x)
      labels.push(random() < p ? 1 : 0)
    }
    const model = fitLogistic(rows, labels, ['a', 'b'], 500)
    // Back on the raw scale: coefficient / scale; the intercept absorbs the centring.
    expect(model.coefficients[0]! / model.scales[0]!).toBeCloseTo(2, 0)
    expect(model.coefficients[1]! / model.scales[1]!).toBeCloseTo(-1, 0)
    expect(predictLogistic(model, [1, -1])).toBeGreaterThan(0.9)
    expect(predictLogistic(model, [-1, 1])).toBeLessThan(0.2)
  })

  it('refuses rows with only one outcome', () => {
    expect(() => fitLogistic([[1], [2]], [1, 1], ['a'])).toThrow(RangeError)
  })
})

describe('areaUnderCurve', () => {
  it('is 1 for a perfect order, 0.5 for ties, and counts pairs', () => {
    expect(areaUnderCurve([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1)
    expect(areaUnderCurve([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5)
    // Positives 0.4 and 0.9 against negatives 0.1 and 0.6: 3 of 4 pairs in order.
    expect(areaUnderCurve([0.1, 0.4, 0.6, 0.9], [0, 1, 0, 1])).toBe(0.75)
  })
})

describe('fitting the matching weights', () => {
  it('gives the weight to the factor that decided the hires, none to one that hurt, and keeps a constant one', () => {
    const random = seededRandom(19)
    const samples: HireSample[] = []
    const skills = MATCH_FACTORS.findIndex((f) => f.key === 'skills')
    const activity = MATCH_FACTORS.findIndex((f) => f.key === 'activity')
    const languages = MATCH_FACTORS.findIndex((f) => f.key === 'languages')
    for (let project = 0; project < 400; project++) {
      const applicants = Array.from({ length: 6 }, () => {
        const shares = MATCH_FACTORS.map(() => random())
        shares[languages] = 0.5 // never varies
        return shares
      })
      // Hired: the best skill match, pulled down by "activity" (planted as a negative effect), with noise.
      const utility = applicants.map((s) => 6 * s[skills]! - 2 * s[activity]! + random())
      const best = utility.indexOf(Math.max(...utility))
      applicants.forEach((shares, i) =>
        samples.push({ projectId: String(project), at: project, shares, hired: i === best }),
      )
    }
    const fit = fitMatchingWeights(samples)
    expect(fit.hires).toBe(400)
    const weights = Object.entries(fit.weights).sort((a, b) => b[1] - a[1])
    expect(weights[0]![0]).toBe('skills')
    expect(fit.weights.activity).toBe(0)
    expect(fit.coefficients.languages).toBeNull()
    expect(fit.weights.languages).toBe(DEFAULT_WEIGHTS.languages)
    const total = Object.values(fit.weights).reduce((a, b) => a + b, 0)
    expect(total).toBeCloseTo(100, 0)
  })

  it('scales learned weights to the published total of the factors that varied', () => {
    const coefficients = Object.fromEntries(MATCH_FACTORS.map((f) => [f.key, null])) as Parameters<
      typeof weightsFromCoefficients
    >[0]
    coefficients.skills = 3
    coefficients.rating = 1
    coefficients.rate = -2
    const weights = weightsFromCoefficients(coefficients)
    const budget = DEFAULT_WEIGHTS.skills + DEFAULT_WEIGHTS.rating + DEFAULT_WEIGHTS.rate
    expect(weights.skills).toBeCloseTo((budget * 3) / 4, 1)
    expect(weights.rating).toBeCloseTo(budget / 4, 1)
    expect(weights.rate).toBe(0)
    expect(weights.level).toBe(DEFAULT_WEIGHTS.level)
  })
})

describe('learning from a hiring history', () => {
  it('gives skill match weight when clients hire on it, though applicants without the skills also apply', () => {
    // Like the planted history: most applicants list one of the project's skills, some list none;
    // the client picks by skill share, level fit and chance. Before the pool was chosen without
    // regard to who applied, this fit gave skill match 0.
    const random = seededRandom(5)
    const skillNames = SKILLS.slice(0, 60)
    const levels = ['entry', 'intermediate', 'expert'] as const
    const freelancers = Array.from({ length: 300 }, (_, i) => ({
      id: `f${i}`,
      createdAt: 0,
      experienceLevel: levels[Math.floor(random() * 3)]!,
      hourlyRateMinor: null,
      currency: 'USD',
      availability: 'full_time' as const,
      timeZone: null,
      languages: [],
      skills: [...new Set(Array.from({ length: 4 }, () => skillNames[Math.floor(random() * skillNames.length)]!))],
    }))
    const projects = Array.from({ length: 400 }, (_, i) => ({
      id: `p${i}`,
      clientId: 'c',
      createdAt: 1_000 + i,
      budgetType: 'fixed' as const,
      budgetMinMinor: 0,
      budgetMaxMinor: 100_000,
      currency: 'USD',
      experienceLevel: levels[Math.floor(random() * 3)]!,
      skills: [...new Set(Array.from({ length: 3 }, () => skillNames[Math.floor(random() * skillNames.length)]!))],
      clientTimeZone: null,
    }))
    const applicants = projects.flatMap((project) => {
      const holders = freelancers.filter((f) => f.skills.some((s) => project.skills.includes(s)))
      const chosen = new Set(
        Array.from({ length: 6 }, () =>
          random() < 0.7 && holders.length
            ? holders[Math.floor(random() * holders.length)]!
            : freelancers[Math.floor(random() * freelancers.length)]!,
        ),
      )
      const utility = [...chosen].map((f) => {
        const share = project.skills.filter((s) => f.skills.includes(s)).length / project.skills.length
        const levelFit = f.experienceLevel === project.experienceLevel ? 1 : 0
        return 4 * share + levelFit - Math.log(-Math.log(random() || 1e-12))
      })
      const best = utility.indexOf(Math.max(...utility))
      return [...chosen].map((f, i) => ({
        projectId: project.id,
        freelancerId: f.id,
        bidAmountMinor: 1,
        hired: i === best,
      }))
    })
    const data: HiringData = {
      projects,
      freelancers: new Map(freelancers.map((f) => [f.id, f])),
      pools: hirePools(applicants, freelancers),
      records: recordsAsOf({ ended: [], reviews: [], milestones: [], activity: [], clientEnded: [] }),
    }
    const fit = fitMatchingWeights(hireSamples(data, projects))
    expect(fit.coefficients.skills).toBeGreaterThan(1)
    expect(fit.weights.skills).toBeGreaterThan(fit.weights.level)
  })
})

describe('the fallback rule', () => {
  const stored = (outcomes: number, inForce?: 'fitted' | 'defaults'): FittedModel => ({
    id: 'm',
    kind: 'matching',
    version: 3,
    fittedAt: new Date('2026-11-01T00:00:00Z'),
    outcomes,
    params: { weights: { ...DEFAULT_WEIGHTS, skills: 50, level: 0 }, inForce },
    metrics: { validationProjects: 120, validationFitted: 0.3, validationDefaults: 0.25 },
  })

  it('keeps the published defaults when nothing was fitted', () => {
    expect(chooseWeights(null)).toEqual({ source: 'default', weights: DEFAULT_WEIGHTS, rejected: null })
  })

  it('keeps the published defaults below the minimum number of hires', () => {
    expect(chooseWeights(stored(MIN_HIRES - 1, 'fitted')).source).toBe('default')
  })

  it('keeps the published defaults, naming the fit, when the fit lost to them on validation', () => {
    const inForce = chooseWeights(stored(MIN_HIRES, 'defaults'))
    expect(inForce).toMatchObject({ source: 'default', weights: DEFAULT_WEIGHTS, rejected: { version: 3 } })
    // A fit stored before the validation rule existed is not trusted either.
    expect(chooseWeights(stored(MIN_HIRES)).source).toBe('default')
  })

  it('uses the stored weights when they won on validation, with their version, outcomes and figures', () => {
    const inForce = chooseWeights(stored(MIN_HIRES, 'fitted'))
    expect(inForce).toMatchObject({
      source: 'fitted',
      version: 3,
      outcomes: MIN_HIRES,
      validation: { projects: 120, fitted: 0.3, defaults: 0.25 },
    })
    expect(inForce.weights.skills).toBe(50)
    expect(inForce.weights.level).toBe(0)
  })
})

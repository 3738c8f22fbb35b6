import { describe, expect, it } from 'vitest'
import type { TrainingFreelancer, TrainingProject } from '~/models/model-training.server'
import { hirePools, inTop, poolOf } from './hire-pool'

const freelancer = (id: string, skills: string[], createdAt = 0): TrainingFreelancer => ({
  id,
  createdAt,
  experienceLevel: 'intermediate',
  hourlyRateMinor: null,
  currency: 'USD',
  availability: 'full_time',
  timeZone: null,
  languages: [],
  skills,
})

const project: TrainingProject = {
  id: 'p',
  clientId: 'c',
  createdAt: 100,
  budgetType: 'fixed',
  budgetMinMinor: 0,
  budgetMaxMinor: 10_000,
  currency: 'USD',
  experienceLevel: 'intermediate',
  skills: ['React', 'Go'],
}

describe('the hire pool', () => {
  it('holds the holders of a skill who had joined by the posting day, whether they applied or not', () => {
    const people = [
      freelancer('applicant', ['Cooking']),
      freelancer('hired', ['React']),
      freelancer('holder', ['Go', 'React']),
      freelancer('late', ['React'], 200),
      freelancer('other', ['Cooking']),
    ]
    const pools = hirePools(
      [
        { projectId: 'p', freelancerId: 'applicant', bidAmountMinor: 1, hired: false },
        { projectId: 'p', freelancerId: 'hired', bidAmountMinor: 1, hired: true },
      ],
      people,
    )
    const pool = poolOf(pools, new Map(people.map((f) => [f.id, f])), project)
    // An applicant listing none of the skills is not in the pool: choosing the pool by who applied
    // made skill match look harmful (among the pool, only applicants lacked the skills).
    expect(pool.ids.sort()).toEqual(['hired', 'holder'])
    expect([...pool.applicants].sort()).toEqual(['applicant', 'hired'])
    expect(pool.hiredId).toBe('hired')
  })
})

describe('inTop', () => {
  it('counts the hired one in the top 10, sharing tied places', () => {
    const scores = Array.from({ length: 20 }, (_, i) => 20 - i)
    expect(inTop(scores, 9)).toBe(1)
    expect(inTop(scores, 10)).toBe(0)
    // Nine above and two tied for the tenth place: half a hit.
    expect(inTop([...scores.slice(0, 9), 5, 5], 9)).toBe(0.5)
  })
})

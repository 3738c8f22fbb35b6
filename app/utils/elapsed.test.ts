import { describe, expect, it } from 'vitest'
import { formatElapsedHours } from './elapsed'

describe('a length of time in words', () => {
  it('uses minutes under an hour, hours under two days, then days', () => {
    expect([0, 0.005, 0.25, 0.999, 1, 3.75, 47.9, 60].map(formatElapsedHours)).toEqual([
      'under a minute',
      'under a minute',
      '15 min',
      '1 hour',
      '1 hour',
      '3.8 hours',
      '47.9 hours',
      '2.5 days',
    ])
  })
})

import { describe, expect, it } from 'vitest'
import { disputeSharesFor } from './dispute-rules'

describe('dispute shares', () => {
  it('give everything to one side on release or refund', () => {
    expect(disputeSharesFor('release', 50_000, null)).toEqual({ toFreelancerMinor: 50_000, toClientMinor: 0 })
    expect(disputeSharesFor('refund', 50_000, 123)).toEqual({ toFreelancerMinor: 0, toClientMinor: 50_000 })
  })

  it('split the whole amount, each side getting part of it', () => {
    expect(disputeSharesFor('split', 50_000, 20_000)).toEqual({ toFreelancerMinor: 20_000, toClientMinor: 30_000 })
    expect(disputeSharesFor('split', 50_000, null)).toMatch(/share/)
    expect(disputeSharesFor('split', 50_000, 0)).toMatch(/more than 0/)
    expect(disputeSharesFor('split', 50_000, 50_000)).toMatch(/less than the whole/)
    expect(disputeSharesFor('split', 50_000, 10.5)).toMatch(/share/)
  })
})

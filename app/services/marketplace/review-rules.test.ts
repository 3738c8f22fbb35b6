import { describe, expect, it } from 'vitest'
import {
  checkCanReview,
  directionFor,
  isReviewVisible,
  reviewWindow,
  reviewWindowClosesAt,
  sideOf,
} from './review-rules'
import { reviewSchema } from './review-schemas'

const ENDED = new Date('2026-11-01T10:00:00Z')
const contract = {
  clientId: 'c',
  freelancerId: 'f',
  status: 'ended' as const,
  endedAt: ENDED,
  paid: { minor: 30000, minimumMinor: 500, currency: 'USD' },
}
const at = (iso: string) => new Date(iso)

describe('review window', () => {
  it('opens when the contract ends and closes exactly 14 days later', () => {
    expect(reviewWindowClosesAt(contract)).toEqual(at('2026-11-15T10:00:00Z'))
    expect(reviewWindow(contract, at('2026-11-01T10:00:00Z'))).toBe('open')
    expect(reviewWindow(contract, at('2026-11-15T09:59:59Z'))).toBe('open')
    expect(reviewWindow(contract, at('2026-11-15T10:00:00Z'))).toBe('closed')
    expect(reviewWindow({ status: 'active', endedAt: null }, at('2026-11-02T00:00:00Z'))).toBe('not_ended')
  })

  it('allows one review per side inside the window and says why otherwise', () => {
    expect(checkCanReview(contract, false, at('2026-11-10T00:00:00Z'))).toEqual({ ok: true })
    expect(checkCanReview(contract, true, at('2026-11-10T00:00:00Z'))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/already reviewed/),
    })
    expect(checkCanReview(contract, false, at('2026-11-16T00:00:00Z'))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/14-day review window .* has closed/),
    })
    const paid = (minor: number) => ({ ...contract, paid: { ...contract.paid, minor } })
    expect(checkCanReview(paid(0), false, at('2026-11-10T00:00:00Z'))).toMatchObject({
      ok: false,
      message:
        'Nothing was paid on this contract, so neither side can review it: reviews need at least $5 of work paid through MegiLance.',
    })
    expect(checkCanReview(paid(1), false, at('2026-11-10T00:00:00Z'))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Only \$0\.01 was paid on this contract; reviews need at least \$5 of work/),
    })
    expect(checkCanReview(paid(500), false, at('2026-11-10T00:00:00Z'))).toEqual({ ok: true })
    expect(
      checkCanReview({ ...contract, status: 'active', endedAt: null }, false, at('2026-11-10T00:00:00Z')),
    ).toMatchObject({
      ok: false,
      message: expect.stringMatching(/when the contract ends/),
    })
  })

  it('keeps a review hidden until both sides reviewed or the window closed', () => {
    expect(isReviewVisible(false, 'open')).toBe(false)
    expect(isReviewVisible(true, 'open')).toBe(true)
    expect(isReviewVisible(false, 'closed')).toBe(true)
  })
})

describe('sides', () => {
  it('knows who reviews whom', () => {
    expect(sideOf(contract, 'c')).toBe('client')
    expect(sideOf(contract, 'f')).toBe('freelancer')
    expect(sideOf(contract, 'someone-else')).toBeNull()
    expect(directionFor('client')).toBe('client_to_freelancer')
    expect(directionFor('freelancer')).toBe('freelancer_to_client')
  })
})

describe('review form', () => {
  it('needs an overall rating, each sub-rating of the direction 1–5, and a real comment', () => {
    const schema = reviewSchema('client_to_freelancer')
    const good = {
      rating: 5,
      subRatings: { quality: 5, communication: 4, deadlines: 5 },
      comment: 'Delivered early and explained every choice.',
    }
    expect(schema.safeParse(good).success).toBe(true)
    expect(schema.safeParse({ ...good, rating: 6 }).success).toBe(false)
    expect(schema.safeParse({ ...good, subRatings: { quality: 5, communication: 4 } }).success).toBe(false)
    expect(schema.safeParse({ ...good, comment: 'ok' }).success).toBe(false)
    const other = reviewSchema('freelancer_to_client')
    expect(other.safeParse({ ...good, subRatings: { clarity: 4, communication: 4, payment: 5 } }).success).toBe(true)
  })
})

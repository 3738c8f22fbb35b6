/**
 * A freelancer's (or client's) record as it stood at a moment in the past, from dated events: what a
 * client could have seen when they chose. Training on today's record would let a contract's own
 * review explain its hire. Each person's events are kept sorted with running sums, so a lookup is a
 * binary search.
 */
import type { RecordEvents } from '~/models/model-training.server'
import type { FreelancerRecord } from '~/domain/freelancer-facts'

type Series = { at: number[]; sums: number[][] }

function index<T extends { userId: string; at: number }>(
  events: T[],
  values: (event: T) => number[],
): Map<string, Series> {
  const byUser = new Map<string, Series>()
  for (const event of events) {
    let series = byUser.get(event.userId)
    if (!series) byUser.set(event.userId, (series = { at: [], sums: [] }))
    const previous = series.sums[series.sums.length - 1]
    const v = values(event)
    series.at.push(event.at)
    series.sums.push(v.map((x, i) => x + (previous?.[i] ?? 0)))
  }
  return byUser
}

/** The running sums of events strictly before `at` (and their count), or zeros. */
function before(series: Series | undefined, at: number, width: number): { count: number; sums: number[] } {
  if (!series) return { count: 0, sums: new Array<number>(width).fill(0) }
  let lo = 0
  let hi = series.at.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (series.at[mid]! < at) lo = mid + 1
    else hi = mid
  }
  return { count: lo, sums: lo ? series.sums[lo - 1]! : new Array<number>(width).fill(0) }
}

export type RecordsAsOf = {
  freelancer: (userId: string, at: number) => FreelancerRecord
  /** A client's reviews from freelancers and the share of their ended contracts that saw a dispute. */
  client: (
    userId: string,
    at: number,
  ) => { reviewCount: number; averageRating: number | null; ended: number; disputed: number }
}

export function recordsAsOf(events: RecordEvents): RecordsAsOf {
  const ended = index(events.ended, (e) => [e.paid, e.lost])
  const reviews = index(events.reviews, (e) => [e.rating])
  const milestones = index(events.milestones, (e) => [e.onTime])
  const activity = index(events.activity, () => [])
  const clientEnded = index(events.clientEnded, (e) => [e.disputed])
  return {
    freelancer(userId, at) {
      const e = before(ended.get(userId), at, 2)
      const r = before(reviews.get(userId), at, 1)
      const m = before(milestones.get(userId), at, 1)
      const a = activity.get(userId)
      const last = before(a, at, 0).count
      return {
        reviewCount: r.count,
        averageRating: r.count ? r.sums[0]! / r.count : null,
        endedContracts: e.count,
        paidContracts: e.sums[0]!,
        disputesLost: e.sums[1]!,
        milestonesDue: m.count,
        milestonesOnTime: m.sums[0]!,
        lastActiveAt: last ? new Date(a!.at[last - 1]!) : null,
      }
    },
    client(userId, at) {
      const r = before(reviews.get(userId), at, 1)
      const e = before(clientEnded.get(userId), at, 1)
      return {
        reviewCount: r.count,
        averageRating: r.count ? r.sums[0]! / r.count : null,
        ended: e.count,
        disputed: e.sums[0]!,
      }
    },
  }
}

import { sql } from 'drizzle-orm'
import { LRUCache } from 'lru-cache'
import { MINUTE_MS } from '~/domain/durations'
import { getDb } from '../db.server'
import { reviewVisibleSql } from '../reviews.server'
import type { RatedClients } from './types'

/**
 * Client ratings change only when a review is written or a review window closes, yet every search
 * needs them (filter, facet, result rows): they are kept for a minute. A search with a pinned
 * `now` (tests, alerts) always reads them afresh.
 */
const ratingsCache = new LRUCache<'all', RatedClients>({ max: 1, ttl: MINUTE_MS })

export function cachedRatedClients(pinnedNow: Date | undefined): RatedClients {
  if (pinnedNow) return ratedClients(pinnedNow)
  const kept = ratingsCache.get('all')
  if (kept) return kept
  const fresh = ratedClients(new Date())
  ratingsCache.set('all', fresh)
  return fresh
}

export function forgetRatedClients(): void {
  ratingsCache.clear()
}

/**
 * Every client with visible reviews from freelancers, with their mean rating (REVIEW rules:
 * reviewVisibleSql). Small next to the projects: one row per reviewed client.
 */
function ratedClients(now: Date): RatedClients {
  const rows = getDb().all<{ id: string; average: number; count: number }>(sql`
    select r.reviewee_id as id, avg(r.rating) as average, count(*) as count from reviews r
    where r.direction = 'freelancer_to_client' and ${reviewVisibleSql(now)}
    group by r.reviewee_id`)
  return new Map(rows.map((row) => [row.id, { average: row.average, count: row.count }]))
}

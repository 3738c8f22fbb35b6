import { sql, type SQL } from 'drizzle-orm'
import { ratedAtLeastSql, visibleRatingTotalsOf } from '../review-totals.server'
import type { RatedClients } from './types'

/** From this many clients on, every client's rating is read (see ratingsOfClients). */
const EVERY_CLIENT_FROM = 300

/**
 * These clients' mean visible rating from freelancers and how many reviews make it (REVIEW rules:
 * reviewVisibleSql), from the maintained totals (review-totals.server): a lookup per client, so
 * always as of `now` and never kept. Clients with no visible review are left out.
 */
export function ratingsOfClients(clientIds: Iterable<string>, now: Date): RatedClients {
  const rated: RatedClients = new Map()
  const ids = [...new Set(clientIds)]
  // Past a few hundred clients, reading every client's totals is cheaper than looking each up; the
  // extra clients in the map are never asked about.
  for (const [id, { sum, count }] of visibleRatingTotalsOf(
    'freelancer_to_client',
    ids.length > EVERY_CLIENT_FROM ? null : ids,
    now,
  ))
    rated.set(id, { average: sum / count, count })
  return rated
}

/** The projects' (`p`) clients whose visible reviews from freelancers average at least `min`. */
export function clientRatedAtLeastSql(min: number, now: Date): SQL {
  return sql`p.client_id in ${ratedAtLeastSql('freelancer_to_client', min, now)}`
}

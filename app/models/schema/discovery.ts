import { integer, sqliteTable } from 'drizzle-orm/sqlite-core'
import { timestamps } from './columns'
import { userRef } from './accounts'

/**
 * A member's choices about being found: a freelancer may keep the public profile to signed-in
 * members (no anonymous visitors, no sitemap) and may leave the recommendations. No row: the defaults
 * (public, recommended).
 */
export const discoveryPreferences = sqliteTable('discovery_preferences', {
  userId: userRef('user_id', 'cascade').primaryKey(),
  membersOnly: integer('members_only', { mode: 'boolean' }).notNull().default(false),
  recommendationsOff: integer('recommendations_off', { mode: 'boolean' }).notNull().default(false),
  ...timestamps,
})

import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { timestamps, users } from './accounts'

/**
 * A member's choices about being found: a freelancer may keep the public profile to signed-in
 * members (no anonymous visitors, no sitemap) and may leave the recommendations. No row: the defaults
 * (public, recommended).
 */
export const discoveryPreferences = sqliteTable('discovery_preferences', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  membersOnly: integer('members_only', { mode: 'boolean' }).notNull().default(false),
  recommendationsOff: integer('recommendations_off', { mode: 'boolean' }).notNull().default(false),
  ...timestamps,
})

import { integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'
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

/**
 * A fitted model, kept with its version so the help pages can say which one is in force and what it
 * learned from. `kind` says what it predicts; `weights` are the fitted coefficients by factor key.
 */
export const matchingModels = sqliteTable('matching_models', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: ['hire', 'success', 'churn'] }).notNull(),
  version: integer('version').notNull(),
  weights: text('weights', { mode: 'json' }).$type<Record<string, number>>().notNull(),
  intercept: real('intercept').notNull(),
  /** How many outcomes (rows) it was fitted on. */
  outcomes: integer('outcomes').notNull(),
  /** Area under the ROC curve on the held-out later part of the data, when it could be measured. */
  heldOutAuc: real('held_out_auc'),
  ...timestamps,
})

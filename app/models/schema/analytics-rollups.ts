import { blob, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { at } from './columns'
import { userRef } from './accounts'

/**
 * A small stable number per user, so a day's set of people fits in a compact blob
 * (services/analytics/ordinal-sets). Given out by the rollup job the first time a user appears.
 */
export const analyticsUserOrdinals = sqliteTable('analytics_user_ordinals', {
  ordinal: integer('ordinal').primaryKey({ autoIncrement: true }),
  userId: userRef('user_id', 'cascade').unique(),
})

/**
 * Who did what on one whole platform day, for the figures that cannot be summed day by day:
 * the active users (a set, counted once over a range) and the money per freelancer and per client
 * (summed per person over a range before the top 5 is taken). Written with analytics_daily.
 */
export const analyticsDailyPeople = sqliteTable(
  'analytics_daily_people',
  {
    day: text('day').notNull(),
    timeZone: text('time_zone').notNull(),
    currency: text('currency').notNull(),
    /** Int32 ordinals of the users active that day. */
    active: blob('active', { mode: 'buffer' }).notNull(),
    /** Float64 pairs (ordinal, minor units): what reached each freelancer's wallet for work. */
    earnings: blob('earnings', { mode: 'buffer' }).notNull(),
    /** Float64 pairs (ordinal, minor units): what each client paid for delivered work. */
    spend: blob('spend', { mode: 'buffer' }).notNull(),
    computedAt: at('computed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.timeZone, t.currency, t.day] })],
)

/**
 * The projects posted on one whole platform day and where they stand: their status, how far they
 * got (proposal, hire, completed), their skill categories and the day's five largest budgets. Where a
 * project stands changes after its day, so every day is recounted by the nightly job;
 * `computed_at` says as of when.
 */
export const analyticsDailyPostings = sqliteTable(
  'analytics_daily_postings',
  {
    day: text('day').notNull(),
    timeZone: text('time_zone').notNull(),
    currency: text('currency').notNull(),
    posted: integer('posted').notNull(),
    open: integer('open').notNull(),
    closedHired: integer('closed_hired').notNull(),
    closedNoHire: integer('closed_no_hire').notNull(),
    proposed: integer('proposed').notNull(),
    hired: integer('hired').notNull(),
    completed: integer('completed').notNull(),
    /** JSON object: skill category → projects asking for a skill in it (a project counts once per skill). */
    categories: text('categories').notNull(),
    /** JSON array: the ids of the day's five largest budgets in the currency. */
    topProjectIds: text('top_project_ids').notNull(),
    computedAt: at('computed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.timeZone, t.currency, t.day] })],
)

/** The market page's figures, computed by a job (one row per reporting currency, JSON). */
export const marketSnapshots = sqliteTable('market_snapshots', {
  currency: text('currency').primaryKey(),
  body: text('body').notNull(),
  computedAt: at('computed_at').notNull(),
})

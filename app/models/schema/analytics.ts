import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { at, createdAt, serialId } from './columns'
import { userRef } from './accounts'

/**
 * One platform day of admin facts (services/analytics/metrics DayFacts) in the reporting currency,
 * written by the nightly rollup job and `npm run analytics:backfill`. Today is never stored: it is
 * computed live. A row can always be recomputed from the ledger and the fact tables.
 */
export const analyticsDaily = sqliteTable('analytics_daily', {
  /** YYYY-MM-DD in the platform time zone it was computed for. */
  day: text('day').primaryKey(),
  timeZone: text('time_zone').notNull(),
  currency: text('currency').notNull(),
  revenueMinor: integer('revenue_minor').notNull(),
  grossMinor: integer('gross_minor').notNull(),
  transactions: integer('transactions').notNull(),
  newProjects: integer('new_projects').notNull(),
  pricedProjects: integer('priced_projects').notNull(),
  projectBudgetMinor: integer('project_budget_minor').notNull(),
  newClients: integer('new_clients').notNull(),
  newFreelancers: integer('new_freelancers').notNull(),
  milestonesReleased: integer('milestones_released').notNull(),
  milestonesRefunded: integer('milestones_refunded').notNull(),
  escrowNetMinor: integer('escrow_net_minor').notNull(),
  computedAt: at('computed_at').notNull(),
})

/** A freelancer's public profile was opened by someone else; recorded from the day this shipped. */
export const profileViews = sqliteTable(
  'profile_views',
  {
    id: serialId(),
    profileUserId: userRef('profile_user_id', 'cascade'),
    viewedAt: at('viewed_at').notNull(),
  },
  (t) => [index('profile_views_profile_idx').on(t.profileUserId, t.viewedAt)],
)

/** Admins who asked for the weekly analytics report by email. */
export const analyticsReportSubscriptions = sqliteTable('analytics_report_subscriptions', {
  userId: userRef('user_id', 'cascade').primaryKey(),
  createdAt: createdAt(),
})

/** One weekly report per admin and week: the row is claimed before sending, so a week never goes twice. */
export const analyticsReportSends = sqliteTable(
  'analytics_report_sends',
  {
    userId: userRef('user_id', 'cascade'),
    /** The Monday (YYYY-MM-DD, platform zone) the reported week started. */
    week: text('week').notNull(),
    sentAt: at('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.week] })],
)

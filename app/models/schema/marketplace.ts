import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { at, ref, serialId, statusColumn, textId, timestamps } from './columns'
import { ownedByUser, userRef } from './accounts'
import { uploads } from './files'

import {
  AVAILABILITIES,
  BUDGET_TYPES,
  EXPERIENCE_LEVELS,
  INVITATION_STATUSES,
  PROJECT_CLOSE_REASONS,
  PROJECT_STATUSES,
  PROJECT_VISIBILITIES,
  SAVED_SEARCH_KINDS,
} from '../../domain/enums'

export { BUDGET_TYPES, EXPERIENCE_LEVELS, PROJECT_STATUSES, type ExperienceLevel } from '../../domain/enums'

export const skills = sqliteTable('skills', {
  id: serialId(),
  name: text('name').notNull().unique(),
})

export const freelancerProfiles = sqliteTable('freelancer_profiles', {
  userId: userRef('user_id', 'cascade').primaryKey(),
  headline: text('headline').notNull().default(''),
  bio: text('bio').notNull().default(''),
  /** Hourly rate in minor units of `currency`. */
  hourlyRateMinor: integer('hourly_rate_minor'),
  currency: text('currency').notNull().default('USD'),
  experienceLevel: text('experience_level', { enum: EXPERIENCE_LEVELS }).notNull().default('entry'),
  country: text('country'),
  /** IANA time zone, e.g. "Europe/Berlin". */
  timeZone: text('time_zone'),
  /** Spoken languages as a JSON array of names, e.g. ["English","Urdu"]. */
  languages: text('languages', { mode: 'json' }).$type<string[]>().notNull().default([]),
  availability: text('availability', { enum: AVAILABILITIES }).notNull().default('full_time'),
  /**
   * The freelancer's latest proposal, contract step or portfolio change, kept by triggers
   * (drizzle/0033_freelancers_fts.sql); with `updated_at` (profile changes), the talent search's
   * "recently active".
   */
  activeAt: at('active_at'),
  /** How many skills the freelancer lists, kept by triggers on freelancer_skills (the same migration). */
  skillCount: integer('skill_count').notNull().default(0),
  /**
   * Clients' reviews of the freelancer folded into review_rating_totals, and the rank formula's
   * smoothed rating of them (app/domain/smoothed-rating.ts), kept by triggers on those totals
   * (drizzle/0035_talent_rating_listed.sql): the talent search sorts by them through an index. The
   * few reviews not folded yet are added at query time.
   */
  ratingCount: integer('rating_count').notNull().default(0),
  ratingSmoothed: real('rating_smoothed').notNull().default(0),
  /**
   * When the profile last became listable in the talent search (a headline, an hourly rate and a
   * skill all present); null while it is not. Kept by triggers (the same migration); saved talent
   * searches announce the freelancers listed since their last check.
   */
  listedAt: at('listed_at'),
  ...timestamps,
})

export const freelancerSkills = sqliteTable(
  'freelancer_skills',
  {
    userId: userRef('user_id', 'cascade'),
    skillId: integer('skill_id')
      .notNull()
      .references(() => skills.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.skillId] }), index('freelancer_skills_skill_idx').on(t.skillId)],
)

export const clientProfiles = sqliteTable('client_profiles', {
  userId: userRef('user_id', 'cascade').primaryKey(),
  company: text('company').notNull().default(''),
  country: text('country'),
  ...timestamps,
})

export const portfolioItems = sqliteTable(
  'portfolio_items',
  {
    ...ownedByUser(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** Links to the work, as a JSON array of absolute http(s) URLs. */
    links: text('links', { mode: 'json' }).$type<string[]>().notNull().default([]),
    ...timestamps,
  },
  (t) => [index('portfolio_items_user_idx').on(t.userId)],
)

export const portfolioImages = sqliteTable(
  'portfolio_images',
  {
    itemId: ref('item_id', () => portfolioItems.id, 'cascade'),
    uploadId: ref('upload_id', () => uploads.id, 'cascade'),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.uploadId] })],
)

export const projects = sqliteTable(
  'projects',
  {
    id: textId(),
    clientId: userRef('client_id', 'cascade'),
    title: text('title').notNull(),
    description: text('description').notNull(),
    budgetType: text('budget_type', { enum: BUDGET_TYPES }).notNull(),
    /** Fixed budget, or the low end of an hourly range, in minor units. */
    budgetMinMinor: integer('budget_min_minor').notNull(),
    budgetMaxMinor: integer('budget_max_minor').notNull(),
    currency: text('currency').notNull().default('USD'),
    experienceLevel: text('experience_level', { enum: EXPERIENCE_LEVELS }).notNull(),
    status: statusColumn(PROJECT_STATUSES).default('open'),
    visibility: text('visibility', { enum: PROJECT_VISIBILITIES }).notNull().default('public'),
    /** The day the work should be done by (UTC midnight), if the client gave one. */
    deadline: at('deadline'),
    closedAt: at('closed_at'),
    closeReason: text('close_reason', { enum: PROJECT_CLOSE_REASONS }),
    /** Admin moderation: a hidden project is out of search and its page says why to its owner. */
    hiddenAt: at('hidden_at'),
    hiddenReason: text('hidden_reason'),
    ...timestamps,
  },
  (t) => [
    // A client's projects by status, newest first: a freelancer's profile offers a client their newest
    // open ones to invite to, read on every visit.
    index('projects_client_status_created_idx').on(t.clientId, t.status, t.createdAt),
    index('projects_status_created_idx').on(t.status, t.createdAt),
    // Analytics counts projects posted per day.
    index('projects_created_idx').on(t.createdAt),
  ],
)

export const projectSkills = sqliteTable(
  'project_skills',
  {
    projectId: ref('project_id', () => projects.id, 'cascade'),
    skillId: integer('skill_id')
      .notNull()
      .references(() => skills.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.skillId] }), index('project_skills_skill_idx').on(t.skillId)],
)

export const projectInvitations = sqliteTable(
  'project_invitations',
  {
    id: textId(),
    projectId: ref('project_id', () => projects.id, 'cascade'),
    freelancerId: userRef('freelancer_id', 'cascade'),
    message: text('message').notNull().default(''),
    status: statusColumn(INVITATION_STATUSES).default('pending'),
    respondedAt: at('responded_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('project_invitations_unique').on(t.projectId, t.freelancerId),
    index('project_invitations_freelancer_idx').on(t.freelancerId),
  ],
)

/**
 * A stored search: a freelancer's Find work search (kind 'projects') or a client's talent search
 * (kind 'freelancers'); with `notify` on, new matches are announced.
 */
export const savedSearches = sqliteTable(
  'saved_searches',
  {
    ...ownedByUser(),
    kind: text('kind', { enum: SAVED_SEARCH_KINDS }).notNull().default('projects'),
    name: text('name').notNull(),
    /** The search page's query string (q, skills, budget…), exactly as the GET form sends it. */
    query: text('query').notNull(),
    notify: integer('notify', { mode: 'boolean' }).notNull().default(true),
    /** Projects (or freelancers) listed after this instant are "new" for this search. */
    checkedAt: at('checked_at').notNull(),
    ...timestamps,
  },
  (t) => [index('saved_searches_user_idx').on(t.userId)],
)

import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { timestamps, users } from './accounts'

import { BUDGET_TYPES, EXPERIENCE_LEVELS, PROJECT_STATUSES } from '../enums'

export { BUDGET_TYPES, EXPERIENCE_LEVELS, PROJECT_STATUSES, type ExperienceLevel } from '../enums'

export const skills = sqliteTable('skills', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
})

export const freelancerProfiles = sqliteTable('freelancer_profiles', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  headline: text('headline').notNull().default(''),
  bio: text('bio').notNull().default(''),
  /** Hourly rate in minor units of `currency`. */
  hourlyRateMinor: integer('hourly_rate_minor'),
  currency: text('currency').notNull().default('USD'),
  experienceLevel: text('experience_level', { enum: EXPERIENCE_LEVELS }).notNull().default('entry'),
  country: text('country'),
  ...timestamps,
})

export const freelancerSkills = sqliteTable(
  'freelancer_skills',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    skillId: integer('skill_id')
      .notNull()
      .references(() => skills.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.skillId] }), index('freelancer_skills_skill_idx').on(t.skillId)],
)

export const clientProfiles = sqliteTable('client_profiles', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  company: text('company').notNull().default(''),
  country: text('country'),
  ...timestamps,
})


export const projects = sqliteTable(
  'projects',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull(),
    budgetType: text('budget_type', { enum: BUDGET_TYPES }).notNull(),
    /** Fixed budget, or the low end of an hourly range, in minor units. */
    budgetMinMinor: integer('budget_min_minor').notNull(),
    budgetMaxMinor: integer('budget_max_minor').notNull(),
    currency: text('currency').notNull().default('USD'),
    experienceLevel: text('experience_level', { enum: EXPERIENCE_LEVELS }).notNull(),
    status: text('status', { enum: PROJECT_STATUSES }).notNull().default('open'),
    ...timestamps,
  },
  (t) => [index('projects_client_idx').on(t.clientId), index('projects_status_created_idx').on(t.status, t.createdAt)],
)

export const projectSkills = sqliteTable(
  'project_skills',
  {
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    skillId: integer('skill_id')
      .notNull()
      .references(() => skills.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.skillId] }), index('project_skills_skill_idx').on(t.skillId)],
)

/** Value sets shared by the database schema and the forms (no database code, so safe in the browser). */
export const ROLES = ['client', 'freelancer', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const EXPERIENCE_LEVELS = ['entry', 'intermediate', 'expert'] as const
export type ExperienceLevel = (typeof EXPERIENCE_LEVELS)[number]

export const PROJECT_STATUSES = ['open', 'closed'] as const
export const BUDGET_TYPES = ['fixed', 'hourly'] as const

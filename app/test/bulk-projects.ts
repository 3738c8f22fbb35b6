import type { BulkProject } from '~/models/projects.server'

/**
 * A project row for insertProjectsBulk, as tests of search and analytics build them: fixed price
 * 10.00, intermediate, no skills, posted at `createdAt`. `fields` set what the test is about.
 */
export function bulkProject(clientId: string, createdAt: Date, fields: Partial<BulkProject> = {}): BulkProject {
  return {
    id: crypto.randomUUID(),
    clientId,
    title: 'Work',
    description: 'Work',
    budgetType: 'fixed',
    budgetMinMinor: 1_000,
    budgetMaxMinor: 1_000,
    experienceLevel: 'intermediate',
    createdAt,
    skillIds: [],
    ...fields,
  }
}

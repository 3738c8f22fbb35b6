// Apart from proposal-schemas.ts, whose zod schemas would otherwise come with them into the browser.

/** How many milestone rows the form offers at most (with JavaScript off it shows 3). */
export const MAX_PROPOSAL_MILESTONES = 10
export const MILESTONE_ROWS_WITHOUT_JS = 3

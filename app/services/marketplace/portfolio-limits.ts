// Apart from portfolio-schemas.ts (which re-exports it), whose zod schemas would otherwise come with it
// into the browser: the public profile page shows the portfolio.
export const MAX_PORTFOLIO_IMAGES = 6

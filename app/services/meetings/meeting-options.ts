/* The choices the booking form offers, apart from its schema (zod) so the page can show them. */

export const MEETING_DURATIONS = [30, 45, 60] as const
export const MAX_OCCURRENCES = 12

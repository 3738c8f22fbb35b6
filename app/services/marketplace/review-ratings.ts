import type { ReviewDirection } from '~/domain/enums'

/* What the review form and the review cards show, apart from the form's schema (zod). */

/** The sub-ratings each side gives the other, by the name stored in reviews.sub_ratings. */
export const SUB_RATINGS: Record<ReviewDirection, ReadonlyArray<{ name: string; label: string }>> = {
  client_to_freelancer: [
    { name: 'quality', label: 'Quality of work' },
    { name: 'communication', label: 'Communication' },
    { name: 'deadlines', label: 'Meeting deadlines' },
  ],
  freelancer_to_client: [
    { name: 'clarity', label: 'Clear requirements' },
    { name: 'communication', label: 'Communication' },
    { name: 'payment', label: 'Prompt payment' },
  ],
}

export const RATING_OPTIONS = [
  { value: '5', label: '5 — Excellent' },
  { value: '4', label: '4 — Good' },
  { value: '3', label: '3 — Fine' },
  { value: '2', label: '2 — Below expectations' },
  { value: '1', label: '1 — Poor' },
] as const

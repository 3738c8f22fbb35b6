import * as z from 'zod'

const SAVED_SEARCH_NAME_MAX = 80

/** "Save this search": a name (optional: the search's description is used) and the query string. */
export const SaveSearchSchema = z.object({
  name: z
    .string()
    .trim()
    .max(SAVED_SEARCH_NAME_MAX, `Keep the name under ${SAVED_SEARCH_NAME_MAX} characters`)
    .optional(),
  query: z.string({ error: 'Search first, then save the search' }).max(2000, 'That search is too long to save'),
  notify: z.boolean().optional(),
})

/** "Rename" on the saved-searches page: one search, its new name. */
export const RenameSavedSearchSchema = z.object({
  searchId: z.string({ error: 'Choose a search' }).max(100),
  name: z
    .string({ error: 'Give the search a name' })
    .trim()
    .min(1, 'Give the search a name')
    .max(SAVED_SEARCH_NAME_MAX, `Keep the name under ${SAVED_SEARCH_NAME_MAX} characters`),
})

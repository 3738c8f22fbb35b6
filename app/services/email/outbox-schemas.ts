import * as z from 'zod'
import { pageParam } from '~/domain/query-params'

/** The admin outbox's filters (a GET form: a bad value is ignored rather than failing). */
export const OutboxFilterSchema = z.object({
  to: z.string().trim().max(254).optional().catch(undefined),
  page: pageParam,
})

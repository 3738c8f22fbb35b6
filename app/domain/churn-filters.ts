import * as z from 'zod'
import { pageParam } from './query-params'

/** The churn page's filters (a GET form); a bad value reads as "no filter". */
export const ChurnFilterSchema = z.object({
  role: z.enum(['client', 'freelancer']).optional().catch(undefined),
  band: z.enum(['high', 'medium', 'low']).optional().catch(undefined),
  page: pageParam,
})

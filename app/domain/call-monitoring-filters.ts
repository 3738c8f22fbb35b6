import * as z from 'zod'
import { pageParam } from './query-params'

/** The periods the admin's call monitoring looks back over, with their length in hours. */
export const CALL_MONITORING_PERIODS = { '24h': 24, '7d': 24 * 7, '30d': 24 * 30 } as const

/** The call monitoring page's filters (a GET form); a bad value reads as the default. */
export const CallMonitoringFilterSchema = z.object({
  period: z.enum(['24h', '7d', '30d']).catch('7d').default('7d'),
  page: pageParam,
})

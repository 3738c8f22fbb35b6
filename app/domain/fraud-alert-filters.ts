import * as z from 'zod'
import { FRAUD_ALERT_STATUSES, FRAUD_ALERT_TYPES, FRAUD_SEVERITIES } from './fraud-alerts'
import { optionalDay, optionalText, pageParam } from './query-params'

/** A score bound; empty (the form's blank field) reads as no bound, not as 0. */
const optionalScore = z
  .preprocess((value) => (value === '' ? undefined : value), z.coerce.number().int().min(0).max(100).optional())
  .catch(undefined)

const FRAUD_ALERT_SORTS = ['newest', 'oldest', 'score'] as const

/** The fraud desk's list filters (a GET form); a bad value reads as "no filter". */
export const FraudAlertFilterSchema = z.object({
  type: z.enum(FRAUD_ALERT_TYPES).optional().catch(undefined),
  severity: z.enum(FRAUD_SEVERITIES).optional().catch(undefined),
  status: z.enum(FRAUD_ALERT_STATUSES).optional().catch(undefined),
  minScore: optionalScore,
  maxScore: optionalScore,
  /** Name or email of an account involved. */
  person: optionalText(100),
  from: optionalDay,
  to: optionalDay,
  sort: z.enum(FRAUD_ALERT_SORTS).catch('newest'),
  page: pageParam,
})
export type FraudAlertFilter = z.output<typeof FraudAlertFilterSchema>

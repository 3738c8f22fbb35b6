import * as z from 'zod'
import { requiredText } from '~/domain/form-fields'
import { ROLES } from '~/domain/enums'
import { pageParam } from '~/domain/query-params'

export const UserSearchSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  role: z.enum(ROLES).optional().catch(undefined),
  status: z.enum(['active', 'blocked']).optional().catch(undefined),
  page: pageParam,
})

export const BlockUserSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('block'),
    reason: requiredText('Give the reason the user will see', {
      min: [10, 'Explain the reason in at least 10 characters'],
      max: [500, 'Use at most 500 characters'],
    }),
  }),
  z.object({ intent: z.literal('unblock') }),
  z.object({ intent: z.literal('end-sessions') }),
])

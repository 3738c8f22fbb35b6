import * as z from 'zod'
import { reasonShownTo } from '~/domain/form-fields'
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
    reason: reasonShownTo('the user'),
  }),
  z.object({ intent: z.literal('unblock') }),
  z.object({ intent: z.literal('end-sessions') }),
])

/** Putting back an address the account had before one of its changes (named by the change's id). */
export const RestoreEmailSchema = z.object({
  intent: z.literal('restore-email'),
  changeId: z.string({ error: 'Choose the address to put back' }).trim().min(1, 'Choose the address to put back'),
  reason: reasonShownTo('the member'),
  /**
   * When the page listed what the restore removes (ms): anything added later refuses the restore,
   * so only what the admin saw is removed. Missing or bad, it counts as "before everything".
   */
  listedAt: z.coerce.number().int().nonnegative().catch(0),
})

/** Turning off a member's IP allowlist when it shuts them out, with the reason they are shown. */
export const ClearAllowlistSchema = z.object({ reason: reasonShownTo('the member') })

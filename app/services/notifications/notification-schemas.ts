import * as z from 'zod'

/** The notification centre's page number (a bad value reads as the first page). */
export const NotificationsPageSchema = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) })

/** The notification centre's buttons. */
export const NotificationIntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('mark-read'), notificationId: z.string().default('') }),
  z.object({ intent: z.literal('mark-all-read') }),
])

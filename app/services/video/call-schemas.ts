import * as z from 'zod'

/** "Start a call" / "Join the call": from a conversation, a contract (its conversation) or a meeting. */
export const StartCallSchema = z.union([
  z.object({ conversationId: z.string().min(1).max(100) }),
  z.object({ contractId: z.string().min(1).max(100) }),
  z.object({ meetingId: z.string().min(1).max(100) }),
])

export const InviteToCallSchema = z.object({
  email: z.email({ error: 'Enter the email address they use on MegiLance' }).trim().toLowerCase().max(254),
})

import * as z from 'zod'

const MESSAGE_MAX_CHARS = 5000

export const SendMessageSchema = z.object({
  body: z
    .string({ error: 'Write a message' })
    .trim()
    .min(1, 'Write a message')
    .max(MESSAGE_MAX_CHARS, 'Keep it under 5,000 characters'),
})

import * as z from 'zod'
import { requiredText } from '~/domain/form-fields'

const MESSAGE_MAX_CHARS = 5000

export const SendMessageSchema = z.object({
  body: requiredText('Write a message', {
    min: [1, 'Write a message'],
    max: [MESSAGE_MAX_CHARS, 'Keep it under 5,000 characters'],
  }),
})

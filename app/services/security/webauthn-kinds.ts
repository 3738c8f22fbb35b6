import * as z from 'zod'
import { requiredText } from '~/domain/form-fields'

const CredentialName = requiredText('Give it a name.', {
  min: [1, 'Give it a name.'],
  max: [60, 'Use at most 60 characters.'],
})

/** Adding: an optional name (a dated default otherwise) and the browser's answer as JSON. */
export const AddCredentialSchema = z.object({
  intent: z.literal('add'),
  name: CredentialName.optional(),
  response: z.string({ error: 'Your browser did not answer. Try again.' }).min(2).max(20_000),
})

export const RenameCredentialSchema = z.object({
  intent: z.literal('rename'),
  credentialId: z.string().min(1).max(1_024),
  name: CredentialName,
})

export const RemoveCredentialSchema = z.object({
  intent: z.literal('remove'),
  credentialId: z.string().min(1).max(1_024),
})

import * as z from 'zod'

/*
 * Forms with a "Check" button beside their submit button: "Check" sends intent=check and only looks
 * at the writing; the submit button sends no intent, so a missing intent reads as the submit.
 */

export const CheckOrSaveIntentSchema = z.object({ intent: z.enum(['check', 'save']).default('save') })

export const CheckOrSendIntentSchema = z.object({ intent: z.enum(['check', 'send']).default('send') })

/** A check validates no field: its reply to the form carries the values entered and no errors. */
export const CheckOnlySchema = z.object({})

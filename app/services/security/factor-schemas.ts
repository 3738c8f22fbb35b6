import * as z from 'zod'

/** Form schemas for setting up second factors, shared by the browser (conform) and the server. */

const sixDigitCode = z
  .string({ error: 'Enter the 6-digit code' })
  .transform((value) => value.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'Enter the 6 digits of the code'))

export const ConfirmCodeSchema = z.object({ code: sixDigitCode })

/** Re-entering the password before a first second factor is added. */
export const ConfirmPasswordSchema = z.object({
  password: z.string({ error: 'Enter your password' }).max(1024, 'That is longer than any password here'),
})

export const PhoneNumberSchema = z.object({
  country: z.string().trim().max(2).optional(),
  phone: z
    .string({ error: 'Enter your mobile phone number' })
    .trim()
    .max(32, 'That number is too long')
    .regex(/^[+\d\s().-]+$/, 'Use digits only, with a + in front for the country code if you like'),
})

/** The backup codes page's one button; still an intent, so any other value is a 400. */
export const BackupCodesIntentSchema = z.object({ intent: z.literal('generate') })

/** The buttons of the email codes page. */
export const EmailFactorIntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('send') }),
  z.object({ intent: z.literal('confirm'), code: z.string().default('') }),
  z.object({ intent: z.literal('off') }),
])

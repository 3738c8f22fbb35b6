import * as z from 'zod'
import { emailText, notLikeStaff, oneLine } from '~/domain/form-fields'

/** Form schemas shared by the browser (conform) and the server. */

export const passwordField = z
  .string({ error: 'Enter a password' })
  .min(8, 'Use at least 8 characters')
  .max(128, 'Use at most 128 characters')

const emailField = emailText('Enter your email address', 'Enter a valid email address')

export const nameField = oneLine(
  z
    .string({ error: 'Enter your name' })
    .trim()
    .min(2, 'Use at least 2 characters')
    .max(80, 'Use at most 80 characters'),
  'Write your name on one line, without line breaks or control characters',
)

/** A client's or freelancer's name: also refused when it reads like staff (admins' names are not). */
export const memberNameField = notLikeStaff(nameField)

export const SignUpSchema = z.object({
  role: z.enum(['client', 'freelancer'], { error: 'Choose whether you hire or work' }),
  name: memberNameField,
  email: emailField,
  password: passwordField,
  // Where a visitor was going (e.g. a project's proposal form): they land there once the account exists.
  redirectTo: z.string().optional(),
})

export const SignInSchema = z.object({
  email: emailField,
  password: z.string({ error: 'Enter your password' }).max(128),
  redirectTo: z.string().optional(),
})

export const ForgotPasswordSchema = z.object({ email: emailField })

export const ResetPasswordSchema = z.object({
  email: emailField,
  code: z
    .string({ error: 'Enter the code from the email' })
    .trim()
    .regex(/^\d{8}$/, 'The code is 8 digits'),
  password: passwordField,
})

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string({ error: 'Enter your current password' }).max(128),
    newPassword: passwordField,
    confirmPassword: z.string({ error: 'Repeat the new password' }),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    message: 'The two passwords do not match',
    path: ['confirmPassword'],
  })

/** Moving the account to another address: the new one, and the password to show it is the owner asking. */
export const ChangeEmailSchema = z.object({
  newEmail: emailText('Enter your new email address', 'Enter a valid email address'),
  password: z.string({ error: 'Enter your password' }).max(128, 'That is longer than any password here'),
})

export const ThemeSchema = z.object({
  theme: z.enum(['light', 'dark', 'system']),
  redirectTo: z.string().optional(),
})

/** The sessions page's buttons: sign out one session, or every other one. */
export const SessionIntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('revoke'), sessionId: z.string().default('') }),
  z.object({ intent: z.literal('revoke-others') }),
])

import * as z from 'zod'
import { AVAILABILITIES, EXPERIENCE_LEVELS } from '~/domain/enums'
import { PROFILE_CURRENCIES } from '~/domain/currency-digits'
import { memberNameField, nameField } from './schemas'
import { AMOUNT_PATTERN } from '~/domain/amount-format'
import { notLikeStaff, oneLine } from '~/domain/form-fields'

export const AdminProfileSchema = z.object({ name: nameField })

const countryField = z.string().trim().max(60, 'Use at most 60 characters').optional()

export const ClientProfileSchema = z.object({
  name: memberNameField,
  company: notLikeStaff(
    oneLine(
      z.string().trim().max(120, 'Use at most 120 characters'),
      'Keep the company name on one line, without line breaks or control characters',
    ),
    'company',
  ).default(''),
  country: countryField,
})

export const FreelancerProfileSchema = z.object({
  name: memberNameField,
  headline: notLikeStaff(
    oneLine(
      z.string().trim().max(120, 'Use at most 120 characters'),
      'Keep the headline on one line, without line breaks or control characters',
    ),
    'headline',
  ).default(''),
  bio: z.string().trim().max(5000, 'Use at most 5,000 characters').default(''),
  hourlyRate: z
    .string()
    .trim()
    .max(24, 'Enter an amount like 45 or 45.50')
    .regex(AMOUNT_PATTERN, 'Enter an amount like 45 or 45.50')
    .optional(),
  currency: z.enum(PROFILE_CURRENCIES, { error: 'Choose a currency from the list' }),
  experienceLevel: z.enum(EXPERIENCE_LEVELS, { error: 'Choose your experience level' }),
  skills: z.string().trim().max(2000, 'Use at most 2,000 characters').default(''),
  country: countryField,
  /** An IANA name; checked against the server's list (profile-fields.ts) when saving. */
  timeZone: z.string().trim().max(64).optional(),
  languages: z.string().trim().max(500, 'Use at most 500 characters').default(''),
  /** Left as it was when the form does not send it. */
  availability: z.enum(AVAILABILITIES, { error: 'Choose your availability' }).optional(),
})

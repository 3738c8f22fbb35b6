import * as z from 'zod'
import { emailText, ISO_DAY, oneLine, reasonShownTo, requiredText } from '~/domain/form-fields'
import { BUDGET_TYPES, EXPERIENCE_LEVELS, PROJECT_VISIBILITIES } from '~/domain/enums'
import { currencyDigits } from '~/utils/format'
import {
  amountProblemMessage,
  type AmountReading,
  MAX_AMOUNT_MAJOR,
  MAX_HOURLY_RATE_MAJOR,
  parseAmountToMinor,
  readAmount,
} from '~/utils/money'
import { PROJECT_CURRENCIES, isoToday } from './project-form-options'
import { parseSkillList, searchSkills } from './skills-taxonomy'
import { pageParam } from '~/domain/query-params'

const MAX_PROJECT_SKILLS = 15

/** Why the skills text cannot be used, or null when it names 1–15 skills the taxonomy knows. */
export function skillsProblem(text: string): string | null {
  const { skills, unknown } = parseSkillList(text)
  if (unknown.length) {
    const names = unknown.map((name) => `"${name}"`).join(', ')
    const suggestions = [...new Set(unknown.map((name) => searchSkills(name, 1)[0]?.name).filter(Boolean))]
    const hint = suggestions.length
      ? ` Did you mean ${suggestions.join(', ')}?`
      : ' Check the spelling or choose a similar skill.'
    return `${unknown.length === 1 ? 'This skill is' : 'These skills are'} not in our list: ${names}.${hint}`
  }
  if (skills.length === 0) return 'Name at least one skill, e.g. React, Node.js'
  if (skills.length > MAX_PROJECT_SKILLS) return `Name at most ${MAX_PROJECT_SKILLS} skills`
  return null
}

/** The fields the budget check reads: it runs whenever these parsed, so an empty form shows every error at once. */
const BUDGET_FIELDS = new Set<PropertyKey>(['budgetType', 'currency', 'amount', 'rateMin', 'rateMax'])
const budgetCheckedAlongside: z.core.$ZodSuperRefineParams = {
  when: (payload) => !payload.issues.some((issue) => BUDGET_FIELDS.has(issue.path?.[0] ?? '')),
}
const budgetText = (message: string) => z.string({ error: message }).trim().max(20, message).optional()

/**
 * What is wrong with a budget that was typed but cannot be used: someone who typed "-50" or "0"
 * is told why, not asked to "enter" a budget they just entered.
 */
function typedAmountProblem(
  typed: string,
  reading: AmountReading,
  what: string,
  example: string,
  currency: string,
  limit: number,
): string {
  if (reading.ok) return `The ${what} must be more than 0`
  if (reading.problem !== 'format') return amountProblemMessage(reading.problem, currency, '', limit)
  if (typed.trim().startsWith('-')) return `The ${what} cannot be negative: enter e.g. ${example}`
  return `Write the ${what} in digits, e.g. ${example} or 1,250.50`
}

/** The post-a-project and edit-project form (one schema for both). */
export const ProjectSchema = z
  .object({
    title: oneLine(
      requiredText('Give the project a title', {
        min: [5, 'Use at least 5 characters for the title'],
        max: [120, 'Keep the title under 120 characters'],
      }),
      'Keep the title on one line, without line breaks or control characters',
    ),
    description: requiredText('Describe the work', {
      min: [30, 'Describe the work in at least 30 characters'],
      max: [10_000, 'Keep the description under 10,000 characters'],
    }),
    skills: z
      .string({ error: 'Name at least one skill, e.g. React, Node.js' })
      .trim()
      .max(1000, 'That is too long for a list of skills')
      .superRefine((text, ctx) => {
        const problem = skillsProblem(text)
        if (problem) ctx.addIssue({ code: 'custom', message: problem })
      }),
    budgetType: z.enum(BUDGET_TYPES, { error: 'Choose fixed price or hourly' }),
    amount: budgetText('Enter the fixed budget, e.g. 500'),
    rateMin: budgetText('Enter the lowest hourly rate, e.g. 25'),
    rateMax: budgetText('Enter the highest hourly rate, e.g. 40'),
    currency: z.enum(PROJECT_CURRENCIES, { error: 'Choose a currency' }),
    deadline: z
      .string()
      .trim()
      .optional()
      .refine((value) => !value || ISO_DAY.test(value), 'Enter the deadline as a date')
      .refine((value) => !value || value >= isoToday(), 'The deadline cannot be in the past'),
    experienceLevel: z.enum(EXPERIENCE_LEVELS, { error: 'Choose the experience level you need' }),
    visibility: z.enum(PROJECT_VISIBILITIES, { error: 'Choose who can see the project' }),
  })
  .superRefine((value, ctx) => {
    const digits = currencyDigits(value.currency)
    /** The amount above zero in minor units, or null after saying what is wrong with it. */
    const amount = (field: 'amount' | 'rateMin' | 'rateMax', what: string, example: string) => {
      const limit = field === 'amount' ? MAX_AMOUNT_MAJOR : MAX_HOURLY_RATE_MAJOR
      const typed = value[field]
      const reading = typed ? readAmount(typed, digits, limit) : null
      if (reading?.ok && reading.minor > 0) return reading.minor
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: reading
          ? typedAmountProblem(typed ?? '', reading, what, example, value.currency, limit)
          : `Enter the ${what}, e.g. ${example}`,
      })
      return null
    }
    if (value.budgetType === 'fixed') {
      amount('amount', 'fixed budget', '500')
      return
    }
    const low = amount('rateMin', 'lowest hourly rate', '25')
    const high = amount('rateMax', 'highest hourly rate', '40')
    if (high !== null && low !== null && high < low) {
      ctx.addIssue({ code: 'custom', path: ['rateMax'], message: 'The highest rate cannot be below the lowest' })
    }
  }, budgetCheckedAlongside)

export type ProjectFormValue = z.infer<typeof ProjectSchema>

/** What the database stores for a valid form value: canonical skill names and budgets in minor units. */
export type ProjectInput = {
  title: string
  description: string
  skills: string[]
  budgetType: 'fixed' | 'hourly'
  budgetMinMinor: number
  budgetMaxMinor: number
  currency: string
  deadline: Date | null
  experienceLevel: (typeof EXPERIENCE_LEVELS)[number]
  visibility: (typeof PROJECT_VISIBILITIES)[number]
}

export function toProjectInput(value: ProjectFormValue): ProjectInput {
  const digits = currencyDigits(value.currency)
  const minor = (text: string | undefined) => parseAmountToMinor(text ?? '', digits) ?? 0
  const fixed = value.budgetType === 'fixed'
  return {
    title: value.title,
    description: value.description,
    skills: parseSkillList(value.skills).skills,
    budgetType: value.budgetType,
    budgetMinMinor: fixed ? minor(value.amount) : minor(value.rateMin),
    budgetMaxMinor: fixed ? minor(value.amount) : minor(value.rateMax),
    currency: value.currency,
    deadline: value.deadline ? new Date(`${value.deadline}T00:00:00Z`) : null,
    experienceLevel: value.experienceLevel,
    visibility: value.visibility,
  }
}

export const InviteSchema = z.object({
  email: emailText(
    'Enter the email address of the freelancer',
    'Enter a valid email address',
    'Enter the email address of the freelancer',
  ),
  message: z.string().trim().max(2000, 'Keep the message under 2,000 characters').optional(),
})

export const DeclineInvitationSchema = z.object({
  invitationId: z.string().min(1),
  reason: z.string().trim().max(1000, 'Keep the reason under 1,000 characters').optional(),
})

export const HideProjectSchema = z.object({
  projectId: z.string().min(1),
  reason: reasonShownTo('the client'),
})

export const AdminProjectSearchSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  state: z.enum(['visible', 'hidden']).optional().catch(undefined),
  page: pageParam,
})

/** The buttons on a project's own page: close it, reopen it, invite a recommended freelancer. */
export const ProjectPageIntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('close') }),
  z.object({ intent: z.literal('reopen') }),
  z.object({ intent: z.literal('invite'), freelancerId: z.string().uuid() }),
])

// The "Post project" button sends no intent; "Suggest a budget" sends intent=suggest, "Suggest skills"
// intent=skills, each suggested skill's "Add" button addSkill=<name>, and "Check" intent=check.
export const NewProjectIntentSchema = z.object({
  intent: z.enum(['suggest', 'skills', 'check', 'post']).default('post'),
})

/** A form sent only to be shown again (suggestions, checks): no field is validated. */
export const NoFieldsSchema = z.object({})

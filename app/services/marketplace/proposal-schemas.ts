import * as z from 'zod'
import { ISO_DAY, oneLine, requiredText } from '~/domain/form-fields'
import type { BudgetType } from '~/domain/enums'
import { currencyDigits } from '~/utils/format'
import {
  amountProblemMessage,
  MAX_AMOUNT_MAJOR,
  MAX_HOURLY_RATE_MAJOR,
  parseAmountToMinor,
  readAmount,
} from '~/utils/money'
import { belowMinimumMessage, milestoneSumProblem } from './proposal-rules'
import { MAX_PROPOSAL_MILESTONES } from './proposal-form-options'

const MilestoneRowSchema = z.object({
  title: oneLine(
    z.string().trim().max(120, 'Keep the title under 120 characters'),
    'Keep the title on one line, without line breaks or control characters',
  ).optional(),
  amount: z.string().trim().optional(),
  dueDate: z.string().trim().optional(),
})

type MilestoneRow = z.infer<typeof MilestoneRowSchema>

function isEmptyRow(row: MilestoneRow | undefined): boolean {
  return !row || (!row.title && !row.amount && !row.dueDate)
}

function isIsoDay(text: string): boolean {
  return ISO_DAY.test(text) && !Number.isNaN(new Date(`${text}T00:00:00Z`).getTime())
}

export type ProposalInput = {
  coverLetter: string
  bidMinor: number
  durationDays: number
  milestones: Array<{ title: string; amountMinor: number; dueDate: Date | null }>
}

/** The fields of the proposal form, before the checks across them (also gives the inputs' constraints). */
export function proposalFieldsSchema({ bidType }: { bidType: BudgetType }) {
  const bidWord = bidType === 'fixed' ? 'price' : 'hourly rate'
  return z.object({
    coverLetter: requiredText('Write a cover letter', {
      min: [50, 'Write at least 50 characters: say how you would do the work and why you'],
      max: [5000, 'Keep the cover letter under 5,000 characters'],
    }),
    amount: z.string({ error: `Enter your ${bidWord}` }).trim(),
    durationDays: z
      .number({ error: 'Enter how many days the work will take' })
      .int('Enter whole days')
      .min(1, 'At least 1 day')
      .max(365, 'At most 365 days'),
    milestones: z
      .array(MilestoneRowSchema)
      .max(MAX_PROPOSAL_MILESTONES, `At most ${MAX_PROPOSAL_MILESTONES} milestones`),
  })
}

/**
 * The proposal form for a project: the bid follows the project's budget type (a fixed price or an
 * hourly rate) in the project's currency. A fixed bid may name milestones; empty rows are ignored,
 * and the milestones must add up to the price.
 */
export function proposalSchema({
  bidType,
  currency,
  minimumMinor,
}: {
  bidType: BudgetType
  currency: string
  /** The least a price, a milestone or an hourly rate may be (MILESTONE_MINIMUM_USD at today's rate). */
  minimumMinor: number
}) {
  const digits = currencyDigits(currency)
  const bidWord = bidType === 'fixed' ? 'price' : 'hourly rate'
  // An hourly rate has its own, lower limit: times a week's hours it must stay an exact amount.
  const bidLimit = bidType === 'fixed' ? MAX_AMOUNT_MAJOR : MAX_HOURLY_RATE_MAJOR
  return proposalFieldsSchema({ bidType })
    .superRefine((value, ctx) => {
      /** What to say about an amount that is not above zero: too many decimals, too large, or `message`. */
      const refusal = (text: string, message: string, limit = MAX_AMOUNT_MAJOR) => {
        const reading = readAmount(text, digits, limit)
        return reading.ok ? message : amountProblemMessage(reading.problem, currency, message, limit)
      }
      const bidMinor = parseAmountToMinor(value.amount, digits, bidLimit)
      if (bidMinor === null || bidMinor <= 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['amount'],
          message: refusal(value.amount, `Enter your ${bidWord} as an amount such as 1200 or 1200.50`, bidLimit),
        })
      } else if (bidMinor < minimumMinor) {
        ctx.addIssue({
          code: 'custom',
          path: ['amount'],
          message: belowMinimumMessage(bidType === 'fixed' ? 'A price' : 'An hourly rate', minimumMinor, currency),
        })
      }
      if (bidType !== 'fixed') return
      const amounts: number[] = []
      let rowsValid = true
      value.milestones.forEach((row, index) => {
        if (isEmptyRow(row)) return
        if (!row.title) {
          rowsValid = false
          ctx.addIssue({ code: 'custom', path: ['milestones', index, 'title'], message: 'Name this milestone' })
        }
        const amountMinor = row.amount ? parseAmountToMinor(row.amount, digits) : null
        if (amountMinor === null || amountMinor <= 0) {
          rowsValid = false
          ctx.addIssue({
            code: 'custom',
            path: ['milestones', index, 'amount'],
            message: refusal(row.amount ?? '', 'Enter the milestone’s amount, e.g. 400'),
          })
        } else if (amountMinor < minimumMinor) {
          rowsValid = false
          ctx.addIssue({
            code: 'custom',
            path: ['milestones', index, 'amount'],
            message: belowMinimumMessage('A milestone', minimumMinor, currency),
          })
        } else amounts.push(amountMinor)
        if (row.dueDate && !isIsoDay(row.dueDate)) {
          rowsValid = false
          ctx.addIssue({
            code: 'custom',
            path: ['milestones', index, 'dueDate'],
            message: 'Choose a date, or leave it empty',
          })
        }
      })
      if (bidMinor === null || bidMinor < minimumMinor || !rowsValid) return
      const problem = milestoneSumProblem(bidMinor, amounts, currency)
      if (problem) ctx.addIssue({ code: 'custom', path: ['milestones'], message: problem })
    })
    .transform((value): ProposalInput => ({
      coverLetter: value.coverLetter,
      bidMinor: parseAmountToMinor(value.amount, digits, bidLimit) ?? 0,
      durationDays: value.durationDays,
      milestones:
        bidType === 'fixed'
          ? value.milestones
              .filter((row) => !isEmptyRow(row))
              .map((row) => ({
                title: row.title ?? '',
                amountMinor: parseAmountToMinor(row.amount ?? '', digits) ?? 0,
                dueDate: row.dueDate ? new Date(`${row.dueDate}T00:00:00Z`) : null,
              }))
          : [],
    }))
}

export const DeclineProposalSchema = z.object({
  reason: requiredText('Tell the freelancer why (they will read it)', {
    min: [10, 'Tell the freelancer why, in at least 10 characters (they will read it)'],
    max: [2000, 'Keep it under 2,000 characters'],
  }),
})

/** Accepting names the revision of the terms the client read (a hidden field on the page). */
export const AcceptProposalSchema = z.object({
  revision: z.number({ error: 'Reload the proposal and accept again' }).int().min(1),
})

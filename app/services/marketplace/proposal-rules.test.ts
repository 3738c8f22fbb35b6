import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { PROPOSAL_STATUSES } from '~/domain/enums'
import { actionProblem, availableActions, milestoneSumProblem } from './proposal-rules'
import { proposalFieldsSchema, proposalSchema } from './proposal-schemas'

describe('proposal state map', () => {
  it('lets the freelancer edit or withdraw, and the client decide, only while submitted', () => {
    expect(availableActions('freelancer', { status: 'submitted', shortlisted: false })).toEqual(['edit', 'withdraw'])
    expect(availableActions('client', { status: 'submitted', shortlisted: false })).toEqual([
      'shortlist',
      'decline',
      'accept',
    ])
    expect(availableActions('client', { status: 'submitted', shortlisted: true })).toEqual([
      'unshortlist',
      'decline',
      'accept',
    ])
    expect(availableActions('admin', { status: 'submitted', shortlisted: false })).toEqual([])
    for (const status of PROPOSAL_STATUSES.filter((s) => s !== 'submitted')) {
      for (const role of ['freelancer', 'client', 'admin'] as const)
        for (const shortlisted of [false, true]) expect(availableActions(role, { status, shortlisted })).toEqual([])
    }
  })

  it('says what is allowed when an action is not', () => {
    expect(actionProblem('client', { status: 'submitted', shortlisted: false }, 'accept')).toBeNull()
    expect(actionProblem('client', { status: 'accepted', shortlisted: false }, 'accept')).toBe(
      'You cannot accept this proposal: it is accepted, and nothing more can be done with it.',
    )
    expect(actionProblem('client', { status: 'submitted', shortlisted: false }, 'withdraw')).toBe(
      'You cannot withdraw this proposal: it is submitted, and you can shortlist it, decline it, accept it.',
    )
    expect(actionProblem('freelancer', { status: 'submitted', shortlisted: false }, 'accept')).toMatch(
      /you can edit it, withdraw it/,
    )
    expect(actionProblem('client', { status: 'submitted', shortlisted: true }, 'shortlist')).toMatch(
      /take it off the shortlist/,
    )
    expect(actionProblem('freelancer', { status: 'declined', shortlisted: false }, 'edit')).toMatch(/it is declined/)
  })
})

describe('milestone sums', () => {
  it('must equal the bid exactly, unless there are no milestones', () => {
    expect(milestoneSumProblem(100_000, [40_000, 60_000], 'USD')).toBeNull()
    expect(milestoneSumProblem(100_000, [], 'USD')).toBeNull()
    expect(milestoneSumProblem(100_000, [40_000, 50_000], 'USD')).toBe(
      'The milestones add up to $900 but your price is $1,000. Make them equal, or leave the milestones empty.',
    )
    expect(milestoneSumProblem(100_000, [100_001], 'USD')).toMatch(/\$1,000.01/)
  })
})

function form(fields: Record<string, string>) {
  const data = new FormData()
  for (const [name, value] of Object.entries(fields)) data.append(name, value)
  return data
}

/** The field errors of a failed submission (none when it succeeded). */
function errorsOf(submission: { status?: string; error?: Record<string, string[] | null> | null }) {
  return submission.status === 'success' ? {} : (submission.error ?? {})
}

const letter = 'I have built three booking systems like this one and can start on Monday next week.'

describe('the proposal form', () => {
  const fixed = proposalSchema({ bidType: 'fixed', currency: 'USD', minimumMinor: 500 })
  type Row = { title?: string; amount?: string; dueDate?: string }

  /** The fixed-price form as the page sends it: the letter, 30 days, the price and the milestone rows' fields. */
  function sendFixed(amount: string, rows: Row[]) {
    const fields: Record<string, string> = { coverLetter: letter, amount, durationDays: '30' }
    rows.forEach((row, i) => {
      for (const [name, value] of Object.entries(row)) fields[`milestones[${i}].${name}`] = value
    })
    return parseWithZod(form(fields), { schema: fixed })
  }

  it('ignores empty milestone rows and converts amounts and dates', () => {
    const submission = sendFixed('1,000', [
      { title: 'Design', amount: '400', dueDate: '2026-12-01' },
      { title: '', amount: '', dueDate: '' },
      { title: 'Build', amount: '600.00', dueDate: '' },
    ])
    expect(submission.status).toBe('success')
    if (submission.status !== 'success') return
    expect(submission.value).toEqual({
      coverLetter: letter,
      bidMinor: 100_000,
      durationDays: 30,
      milestones: [
        { title: 'Design', amountMinor: 40_000, dueDate: new Date('2026-12-01T00:00:00Z') },
        { title: 'Build', amountMinor: 60_000, dueDate: null },
      ],
    })
  })

  it('refuses milestones that do not add up to the price, with a clear message', () => {
    const submission = sendFixed('1000', [
      { title: 'Design', amount: '400' },
      { title: 'Build', amount: '500' },
    ])
    expect(submission.status).toBe('error')
    expect(errorsOf(submission).milestones).toEqual([
      'The milestones add up to $900 but your price is $1,000. Make them equal, or leave the milestones empty.',
    ])
  })

  it('refuses a price or a milestone under US$5, which would carry no fee, saying the least', () => {
    const cheap = sendFixed('10', [
      { title: 'Design', amount: '9.96' },
      { title: 'Build', amount: '0.04' },
    ])
    expect(errorsOf(cheap)['milestones[1].amount']).toEqual([
      'A milestone is at least $5, so the 10% fee on it is never rounded away.',
    ])
    expect(errorsOf(sendFixed('4.99', [])).amount).toEqual([
      'A price is at least $5, so the 10% fee on it is never rounded away.',
    ])
    expect(sendFixed('5', []).status).toBe('success')
    const euros = proposalSchema({ bidType: 'hourly', currency: 'EUR', minimumMinor: 431 })
    const low = parseWithZod(form({ coverLetter: letter, amount: '4', durationDays: '14' }), { schema: euros })
    expect(errorsOf(low).amount).toEqual([
      'An hourly rate is at least €4.31 (US$5 at today’s rate), so the 10% fee on it is never rounded away.',
    ])
  })

  it('asks for a title and an amount on a half-filled row', () => {
    const submission = sendFixed('1000', [{ amount: '1000' }, { title: 'Extra' }])
    expect(errorsOf(submission)['milestones[0].title']).toEqual(['Name this milestone'])
    expect(errorsOf(submission)['milestones[1].amount']).toEqual(['Enter the milestone’s amount, e.g. 400'])
  })

  it('takes an hourly rate without milestones, in the currency’s digits', () => {
    const hourly = proposalSchema({ bidType: 'hourly', currency: 'JPY', minimumMinor: 776 })
    const ok = parseWithZod(form({ coverLetter: letter, amount: '4500', durationDays: '14' }), { schema: hourly })
    expect(ok.status === 'success' && ok.value).toEqual({
      coverLetter: letter,
      bidMinor: 4500,
      durationDays: 14,
      milestones: [],
    })
    const cents = parseWithZod(form({ coverLetter: letter, amount: '45.50', durationDays: '14' }), { schema: hourly })
    // Too many decimals for the currency: the answer says its limit.
    expect(errorsOf(cents).amount).toEqual(['JPY amounts have no decimals'])
    const words = parseWithZod(form({ coverLetter: letter, amount: 'a lot', durationDays: '14' }), { schema: hourly })
    expect(errorsOf(words).amount?.[0]).toMatch(/hourly rate/)
  })

  it('gives the inputs their constraints (the page renders them)', () => {
    expect(getZodConstraint(proposalFieldsSchema({ bidType: 'fixed' }))).toMatchObject({
      coverLetter: { required: true },
      'milestones[].title': { required: false },
    })
  })

  it('requires a real cover letter and a duration in days', () => {
    const submission = parseWithZod(form({ coverLetter: 'Hi', amount: '10', durationDays: '0' }), { schema: fixed })
    expect(errorsOf(submission).coverLetter?.[0]).toMatch(/at least 50 characters/)
    expect(errorsOf(submission).durationDays).toEqual(['At least 1 day'])
  })
})

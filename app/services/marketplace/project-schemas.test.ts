import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { canViewProject, ownerActions } from './project-rules'
import { isoToday } from './project-form-options'
import { ProjectSchema, skillsProblem, toProjectInput } from './project-schemas'

function form(values: Record<string, string>) {
  const data = new FormData()
  for (const [key, value] of Object.entries(values)) data.set(key, value)
  return data
}

/** The field errors of a submission (none when it succeeded). */
function errorsOf(values: Record<string, string>) {
  const submission = parseWithZod(form(values), { schema: ProjectSchema })
  return submission.status === 'error' ? (submission.error ?? {}) : {}
}

const VALID = {
  title: 'Booking page for a dental clinic',
  description: 'We need a booking page that talks to our existing calendar and sends reminders.',
  skills: 'react, node js, k8s',
  budgetType: 'fixed',
  amount: '1,250.50',
  currency: 'USD',
  experienceLevel: 'intermediate',
  visibility: 'public',
}

describe('skills on a project', () => {
  it('resolves names and synonyms to canonical skills, once each', () => {
    const submission = parseWithZod(form({ ...VALID, skills: 'React, JS, javascript, Node.JS' }), {
      schema: ProjectSchema,
    })
    expect(submission.status).toBe('success')
    if (submission.status !== 'success') return
    expect(toProjectInput(submission.value).skills).toEqual(['React', 'JavaScript', 'Node.js'])
  })

  it('names the skills the taxonomy does not know', () => {
    expect(skillsProblem('React, Frobnication, Quuxing')).toBe(
      'These skills are not in our list: "Frobnication", "Quuxing". Check the spelling or choose a similar skill.',
    )
    expect(skillsProblem('Frobnication')).toMatch(/^This skill is not in our list: "Frobnication"/)
    expect(skillsProblem('React, Postgre')).toBe('This skill is not in our list: "Postgre". Did you mean PostgreSQL?')
    expect(skillsProblem(' , ')).toBe('Name at least one skill, e.g. React, Node.js')
    expect(errorsOf({ ...VALID, skills: 'React, Frobnication' }).skills?.[0]).toContain('"Frobnication"')
  })
})

describe('the project form', () => {
  it('turns a fixed budget into minor units', () => {
    const submission = parseWithZod(form(VALID), { schema: ProjectSchema })
    if (submission.status !== 'success') throw new Error('expected success')
    expect(toProjectInput(submission.value)).toMatchObject({
      budgetType: 'fixed',
      budgetMinMinor: 125050,
      budgetMaxMinor: 125050,
      deadline: null,
    })
  })

  it('needs a positive fixed amount, or an hourly range whose top is not below its bottom', () => {
    expect(errorsOf({ ...VALID, amount: '' }).amount).toEqual(['Enter the fixed budget, e.g. 500'])
    const hourly = { ...VALID, budgetType: 'hourly', amount: '', rateMin: '40', rateMax: '25' }
    expect(errorsOf(hourly).rateMax).toEqual(['The highest rate cannot be below the lowest'])
    const ok = parseWithZod(form({ ...hourly, rateMax: '60' }), { schema: ProjectSchema })
    if (ok.status !== 'success') throw new Error('expected success')
    expect(toProjectInput(ok.value)).toMatchObject({ budgetType: 'hourly', budgetMinMinor: 4000, budgetMaxMinor: 6000 })
  })

  it('reads thousands separators, and names the currency’s decimal limit', () => {
    const ok = parseWithZod(form({ ...VALID, amount: '10,000' }), { schema: ProjectSchema })
    if (ok.status !== 'success') throw new Error('expected success')
    expect(toProjectInput(ok.value).budgetMinMinor).toBe(10_000_00)
    expect(errorsOf({ ...VALID, amount: '0.001' }).amount).toEqual(['USD amounts have at most 2 decimals'])
    expect(errorsOf({ ...VALID, amount: '500.5', currency: 'JPY' }).amount).toEqual(['JPY amounts have no decimals'])
    expect(errorsOf({ ...VALID, amount: '10,00' }).amount).toEqual([
      'Write the fixed budget in digits, e.g. 500 or 1,250.50',
    ])
  })

  it('says why a typed budget cannot be used rather than asking for one', () => {
    expect(errorsOf({ ...VALID, amount: '-12' }).amount).toEqual([
      'The fixed budget cannot be negative: enter e.g. 500',
    ])
    expect(errorsOf({ ...VALID, amount: '0' }).amount).toEqual(['The fixed budget must be more than 0'])
    expect(errorsOf({ ...VALID, amount: '1e3' }).amount).toEqual([
      'Write the fixed budget in digits, e.g. 500 or 1,250.50',
    ])
    const hourly = { ...VALID, budgetType: 'hourly', amount: '', rateMin: '0.00', rateMax: 'forty' }
    expect(errorsOf(hourly).rateMin).toEqual(['The lowest hourly rate must be more than 0'])
    expect(errorsOf(hourly).rateMax).toEqual(['Write the highest hourly rate in digits, e.g. 40 or 1,250.50'])
  })

  it('names a missing budget in the same answer as the other missing fields', () => {
    const blank = { budgetType: 'fixed', currency: 'USD', experienceLevel: 'intermediate', visibility: 'public' }
    expect(Object.keys(errorsOf(blank)).sort()).toEqual(['amount', 'description', 'skills', 'title'])
    const hourly = errorsOf({ ...blank, budgetType: 'hourly' })
    expect([hourly.rateMin, hourly.rateMax]).toEqual([
      ['Enter the lowest hourly rate, e.g. 25'],
      ['Enter the highest hourly rate, e.g. 40'],
    ])
  })

  it('refuses a deadline in the past and keeps one from today on', () => {
    expect(errorsOf({ ...VALID, deadline: '2020-01-01' }).deadline).toEqual(['The deadline cannot be in the past'])
    const today = parseWithZod(form({ ...VALID, deadline: isoToday() }), { schema: ProjectSchema })
    if (today.status !== 'success') throw new Error('expected success')
    expect(toProjectInput(today.value).deadline?.toISOString()).toBe(`${isoToday()}T00:00:00.000Z`)
  })

  it('respects the currency’s decimals (JPY-like currencies are not offered, USD has 2)', () => {
    expect(errorsOf({ ...VALID, amount: '10.555' }).amount).toBeDefined()
    expect(errorsOf({ ...VALID, currency: 'XYZ' }).currency).toBeDefined()
  })
})

describe('who sees a project', () => {
  const project = { clientId: 'owner', visibility: 'public' as const, hiddenAt: null }
  const freelancer = { id: 'f', role: 'freelancer' as const }
  it('hides moderated projects from everyone but the owner and admins', () => {
    const hidden = { ...project, hiddenAt: new Date() }
    expect(canViewProject(hidden, freelancer, true)).toBe(false)
    expect(canViewProject(hidden, { id: 'owner', role: 'client' }, false)).toBe(true)
    expect(canViewProject(hidden, { id: 'a', role: 'admin' }, false)).toBe(true)
  })
  it('shows invite-only projects to invited freelancers only', () => {
    const inviteOnly = { ...project, visibility: 'invite_only' as const }
    expect(canViewProject(inviteOnly, freelancer, false)).toBe(false)
    expect(canViewProject(inviteOnly, freelancer, true)).toBe(true)
    expect(canViewProject(inviteOnly, { id: 'other', role: 'client' }, false)).toBe(false)
    expect(canViewProject(project, freelancer, false)).toBe(true)
  })
  it('lets the owner reopen only after closing without a hire', () => {
    expect(ownerActions({ status: 'open', closeReason: null, hiddenAt: null })).toEqual(['edit', 'close', 'invite'])
    expect(ownerActions({ status: 'closed', closeReason: 'no_hire', hiddenAt: null })).toEqual(['reopen'])
    expect(ownerActions({ status: 'closed', closeReason: 'hired', hiddenAt: null })).toEqual([])
  })
})

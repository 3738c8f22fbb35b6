import { describe, expect, it } from 'vitest'
import {
  allMilestonesPaid,
  allowedMilestoneActions,
  autoApprovalDueAt,
  checkEndContract,
  checkMilestoneAction,
} from './milestone-rules'

const open = { contractActive: true, disputeOpen: false }

describe('milestone state machine', () => {
  it('walks the whole happy path with changes requested once', () => {
    expect(checkMilestoneAction('fund', 'pending', 'client', open)).toEqual({ ok: true, to: 'funded' })
    expect(checkMilestoneAction('submit', 'funded', 'freelancer', open)).toEqual({ ok: true, to: 'submitted' })
    expect(checkMilestoneAction('request_changes', 'submitted', 'client', open)).toEqual({
      ok: true,
      to: 'changes_requested',
    })
    expect(checkMilestoneAction('submit', 'changes_requested', 'freelancer', open)).toEqual({
      ok: true,
      to: 'submitted',
    })
    expect(checkMilestoneAction('approve', 'submitted', 'client', open)).toEqual({ ok: true, to: 'released' })
  })

  it('says what is allowed when a transition is not', () => {
    const check = checkMilestoneAction('approve', 'funded', 'client', open)
    expect(check).toMatchObject({ ok: false })
    if (!check.ok) expect(check.message).toContain('funded')
    const freelancer = checkMilestoneAction('approve', 'submitted', 'freelancer', open)
    if (!freelancer.ok) expect(freelancer.message).toContain('Nothing can be done')
    const submitAgain = checkMilestoneAction('submit', 'submitted', 'freelancer', open)
    expect(submitAgain.ok).toBe(false)
  })

  it('lists each side’s own actions only', () => {
    expect(allowedMilestoneActions('submitted', 'client', open)).toEqual(['request_changes', 'approve'])
    expect(allowedMilestoneActions('submitted', 'freelancer', open)).toEqual([])
    expect(allowedMilestoneActions('released', 'client', open)).toEqual([])
  })

  it('freezes a milestone in dispute and on an ended contract', () => {
    expect(allowedMilestoneActions('submitted', 'client', { contractActive: true, disputeOpen: true })).toEqual([])
    const ended = checkMilestoneAction('fund', 'pending', 'client', { contractActive: false, disputeOpen: false })
    if (!ended.ok) expect(ended.message).toContain('ended')
  })

  it('auto-approves 14 days after submission', () => {
    expect(autoApprovalDueAt(new Date('2026-11-01T10:00:00Z')).toISOString()).toBe('2026-11-15T10:00:00.000Z')
  })

  it('refuses to end a contract while work or a dispute waits', () => {
    expect(checkEndContract(['released', 'funded', 'pending'], false)).toEqual({ ok: true })
    expect(checkEndContract(['submitted'], false).ok).toBe(false)
    expect(checkEndContract(['released'], true).ok).toBe(false)
  })
})

describe('allMilestonesPaid', () => {
  it('is true once every milestone is released (a refunded one does not count against it)', () => {
    expect(allMilestonesPaid(['released'])).toBe(true)
    expect(allMilestonesPaid(['released', 'refunded'])).toBe(true)
  })
  it('is false while any milestone is still to fund, work on or decide, and with none paid', () => {
    expect(allMilestonesPaid([])).toBe(false)
    expect(allMilestonesPaid(['refunded'])).toBe(false)
    for (const open of ['pending', 'funded', 'submitted', 'changes_requested', 'approved'] as const)
      expect(allMilestonesPaid(['released', open])).toBe(false)
  })
})

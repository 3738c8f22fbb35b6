import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '~/models/db.server'
import { listInvoices, listTimeEntries } from '~/models/hourly.server'
import { listNotifications } from '~/models/notifications.server'
import { contractActivity, contracts, disputes } from '~/models/schema'
import {
  deleteTimeEntry,
  loadHourlyNextStep,
  loadHoursPage,
  logTime,
  reviewInvoice,
  runHourlyCharging,
  runHourlyInvoicing,
  sendWeeklyInvoice,
} from './hourly.server'
import { createHourlyTestContract } from '~/test/hourly-contract'
import { resetEnvForTests } from '~/utils/env.server'

// Wednesday 25 November 2026; its week starts Monday the 23rd.
const NOW = new Date('2026-11-25T12:00:00Z')

const hourlyContract = (weeklyLimitHours: number | null = 10) => createHourlyTestContract(weeklyLimitHours)

describe('logging time', () => {
  it('refuses future days, bad durations and time beyond the weekly limit', async () => {
    const { contract } = await hourlyContract(2)
    expect(await logTime(contract, { workDate: '2026-11-26', duration: '1', memo: 'Tomorrow' }, NOW)).toMatchObject({
      ok: false,
      field: 'workDate',
    })
    expect(await logTime(contract, { workDate: '2026-11-24', duration: 'lots', memo: 'Work' }, NOW)).toMatchObject({
      ok: false,
      field: 'duration',
    })
    expect(await logTime(contract, { workDate: '2026-11-24', duration: '1:30', memo: 'Endpoints' }, NOW)).toEqual({
      ok: true,
    })
    const over = await logTime(contract, { workDate: '2026-11-25', duration: '1', memo: 'More' }, NOW)
    expect(over).toMatchObject({
      ok: false,
      field: 'duration',
      message: 'This contract allows 2 h a week; 30 min is left this week.',
    })
    expect(await listTimeEntries(contract.id)).toHaveLength(1)
  })

  it('refuses time before the contract started: the client hired nobody then', async () => {
    const { contract } = await hourlyContract()
    const started = new Date('2026-11-24T16:00:00Z')
    getDb().update(contracts).set({ createdAt: started }).where(eq(contracts.id, contract.id)).run()
    const hired = { ...contract, createdAt: started }
    expect(await logTime(hired, { workDate: '2026-11-23', duration: '2', memo: 'Before' }, NOW)).toEqual({
      ok: false,
      reason: 'invalid',
      field: 'workDate',
      message: 'The contract started on 24 Nov 2026; time can be logged from that day on.',
    })
    expect(await logTime(hired, { workDate: '2026-11-24', duration: '2', memo: 'First day' }, NOW)).toEqual({
      ok: true,
    })
    expect((await listTimeEntries(contract.id)).map((entry) => entry.workDate)).toEqual(['2026-11-24'])
  })
})

describe('logging time that cannot have been worked', () => {
  it('refuses more than 24 hours on one day, across all the freelancer’s contracts', async () => {
    const { contract, freelancer } = await hourlyContract(null)
    // Each entry may be up to 24 h; nothing stopped ten of them on one day, billed with no limit set.
    for (const memo of ['Morning', 'Afternoon'])
      expect(await logTime(contract, { workDate: '2026-11-24', duration: '10', memo }, NOW)).toEqual({ ok: true })
    expect(await logTime(contract, { workDate: '2026-11-24', duration: '5', memo: 'Night' }, NOW)).toEqual({
      ok: false,
      reason: 'invalid',
      field: 'duration',
      message: 'You have logged 20 h on 24 Nov 2026 already; a day has 24 hours, so 4 h is left.',
    })
    expect(await logTime(contract, { workDate: '2026-11-24', duration: '4', memo: 'Night' }, NOW)).toEqual({ ok: true })
    // Another hourly contract of the same freelancer shares the day.
    const other = await createHourlyTestContract(null)
    getDb().update(contracts).set({ freelancerId: freelancer.id }).where(eq(contracts.id, other.contract.id)).run()
    const onOther = { ...other.contract, freelancerId: freelancer.id }
    expect(await logTime(onOther, { workDate: '2026-11-24', duration: '0:15', memo: 'More' }, NOW)).toMatchObject({
      ok: false,
      field: 'duration',
    })
    expect(await logTime(onOther, { workDate: '2026-11-25', duration: '8', memo: 'Next day' }, NOW)).toEqual({
      ok: true,
    })
  })

  it('keeps the weekly limit when entries arrive at the same moment', async () => {
    const { contract } = await hourlyContract(10)
    const tries = Array.from({ length: 5 }, (_, index) =>
      logTime(contract, { workDate: '2026-11-24', duration: '4', memo: `Part ${index + 1}` }, NOW),
    )
    const outcomes = await Promise.all(tries)
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(2)
    const minutes = (await listTimeEntries(contract.id)).reduce((total, entry) => total + entry.minutes, 0)
    expect(minutes).toBe(8 * 60)
  })
})

describe('deleting time', () => {
  it('lets only the freelancer delete an entry, and only while it is not invoiced', async () => {
    const { contract, client, freelancer } = await hourlyContract()
    await logTime(contract, { workDate: '2026-11-23', duration: '1', memo: 'Design' }, NOW)
    await logTime(contract, { workDate: '2026-11-24', duration: '2', memo: 'Build' }, NOW)
    const [first, second] = await listTimeEntries(contract.id)
    expect(await deleteTimeEntry(contract, client.id, first!.id)).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await deleteTimeEntry(contract, freelancer.id, first!.id)).toEqual({ ok: true })
    expect(await deleteTimeEntry(contract, freelancer.id, first!.id)).toMatchObject({ ok: false, reason: 'conflict' })
    await runHourlyInvoicing(new Date('2026-11-30T08:00:00Z'))
    expect(await deleteTimeEntry(contract, freelancer.id, second!.id)).toEqual({
      ok: false,
      reason: 'conflict',
      message: 'That entry is already invoiced or gone; invoiced time cannot be changed.',
    })
    expect((await listTimeEntries(contract.id)).map((entry) => entry.id)).toEqual([second!.id])
  })
})

describe('weekly invoices', () => {
  it('bill a finished week once, notify the client, and lock the week', async () => {
    const { contract, client } = await hourlyContract()
    await logTime(contract, { workDate: '2026-11-23', duration: '2', memo: 'Design' }, NOW)
    await logTime(contract, { workDate: '2026-11-24', duration: '1:30', memo: 'Build' }, NOW)
    // The week is not over yet on Wednesday.
    expect(await sendWeeklyInvoice(contract, '2026-11-23', null, NOW)).toBeNull()
    const monday = new Date('2026-11-30T08:00:00Z')
    expect((await runHourlyInvoicing(monday)).invoiced).toBeGreaterThanOrEqual(1)
    expect(await runHourlyInvoicing(monday)).toEqual({ invoiced: 0, tooLarge: 0 })
    const [invoice, ...others] = await listInvoices(contract.id)
    expect(others).toEqual([])
    expect(invoice).toMatchObject({ weekStart: '2026-11-23', minutes: 210, amountMinor: 14000, status: 'pending' })
    const [note] = await listNotifications(client.id, { limit: 5, offset: 0 })
    expect(note?.title).toBe('New invoice on “Support our API”: $140')
    const late = await logTime(
      contract,
      { workDate: '2026-11-29', duration: '1', memo: 'Late' },
      new Date('2026-11-30T09:00:00Z'),
    )
    expect(late).toMatchObject({ ok: false, message: 'The week of 23 Nov 2026 is already invoiced.' })
  })

  it('count as approved when the client does not answer within 5 days', async () => {
    const { contract, freelancer } = await hourlyContract()
    await logTime(contract, { workDate: '2026-11-24', duration: '1', memo: 'Fixes' }, NOW)
    await runHourlyInvoicing(new Date('2026-11-30T00:00:00Z'))
    expect((await runHourlyCharging(new Date('2026-12-04T23:59:00Z'))).autoApproved).toBe(0)
    expect((await runHourlyCharging(new Date('2026-12-05T00:00:00Z'))).autoApproved).toBeGreaterThanOrEqual(1)
    const [invoice] = await listInvoices(contract.id)
    // The client has no wallet money and no card, so the charge that follows fails (see hourly-charges tests).
    expect(invoice?.status).toBe('payment_failed')
    const log = getDb().select().from(contractActivity).where(eq(contractActivity.contractId, contract.id)).all()
    expect(log.map((line) => line.kind)).toEqual(['invoice.sent', 'invoice.approved', 'invoice.payment_failed'])
    expect(log[1]?.actorId).toBeNull()
    const notes = await listNotifications(freelancer.id, { limit: 5, offset: 0 })
    expect(notes[0]?.title).toMatch(/approved automatically/)
  })

  it('can be disputed once by the client, which opens a dispute for an admin', async () => {
    const { contract, client } = await hourlyContract()
    await logTime(contract, { workDate: '2026-11-24', duration: '3', memo: 'Migration' }, NOW)
    await runHourlyInvoicing(new Date('2026-11-30T00:00:00Z'))
    const [invoice] = await listInvoices(contract.id)
    const reason = 'Three hours were logged but the migration was not delivered.'
    expect(await reviewInvoice(contract, invoice!.id, client.id, { kind: 'dispute', reason })).toEqual({
      ok: true,
      charge: null,
    })
    expect(await reviewInvoice(contract, invoice!.id, client.id, { kind: 'approve' })).toMatchObject({
      ok: false,
      reason: 'conflict',
    })
    const [dispute] = getDb().select().from(disputes).where(eq(disputes.invoiceId, invoice!.id)).all()
    expect(dispute).toMatchObject({ openedBy: client.id, reason, status: 'open' })
  })
})

describe('the freelancer’s next step on the contract page', () => {
  it('names finished weeks not invoiced yet, and says who sends them as the invoicing job is on or off', async () => {
    const { contract } = await hourlyContract()
    // Two weeks of November that are over (2 h 30 min at $40, then 1 h), and one hour this week.
    await logTime(
      contract,
      { workDate: '2026-11-10', duration: '2:30', memo: 'Setup' },
      new Date('2026-11-11T12:00:00Z'),
    )
    await logTime(contract, { workDate: '2026-11-17', duration: '1', memo: 'Fixes' }, new Date('2026-11-18T12:00:00Z'))
    await logTime(contract, { workDate: '2026-11-24', duration: '1', memo: 'This week' }, NOW)
    const waiting = { weeks: 2, firstWeek: '2026-11-09', minutes: 210, amountMinor: 14_000 }
    const previous = process.env.DISABLED_JOBS
    try {
      process.env.DISABLED_JOBS = 'hourly-invoicing'
      resetEnvForTests()
      expect(await loadHourlyNextStep(contract, 'freelancer', NOW)).toMatchObject({
        kind: 'log-time',
        loggedThisWeek: 60,
        toInvoice: waiting,
        autoInvoicing: false,
      })
      // The hours page says the same, so its empty invoice list makes no promise of a Monday.
      expect(await loadHoursPage(contract, NOW)).toMatchObject({ autoInvoicing: false })
      process.env.DISABLED_JOBS = ''
      resetEnvForTests()
      expect(await loadHourlyNextStep(contract, 'freelancer', NOW)).toMatchObject({
        toInvoice: waiting,
        autoInvoicing: true,
      })
      expect(await loadHoursPage(contract, NOW)).toMatchObject({ autoInvoicing: true })
      // Once invoiced, nothing waits.
      await runHourlyInvoicing(NOW)
      expect(await loadHourlyNextStep(contract, 'freelancer', NOW)).toMatchObject({ toInvoice: null })
    } finally {
      process.env.DISABLED_JOBS = previous
      if (previous === undefined) delete process.env.DISABLED_JOBS
      resetEnvForTests()
    }
  })
})

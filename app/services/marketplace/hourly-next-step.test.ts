import { describe, expect, it } from 'vitest'
import type { InvoiceStatus } from '~/domain/enums'
import { hourlyNextStep } from './hourly-next-step'

const invoice = (status: InvoiceStatus, weekStart: string, amountMinor = 100_00) => ({
  status,
  weekStart,
  amountMinor,
  payableMinor: null,
  reviewDueAt: `${weekStart}T12:00:00.000Z`,
})
const base = { active: true, pauseReason: null, invoices: [], loggedThisWeek: 90, limitHours: 20 }

describe('the next step on an hourly contract', () => {
  it('is logging hours for the freelancer, with this week so far', () => {
    expect(hourlyNextStep({ ...base, side: 'freelancer' })).toEqual({
      kind: 'log-time',
      title: 'Next: log your hours',
      text: 'This week: 1 h 30 min logged; the client allows 20 h. Log each day’s time; every finished week is invoiced on the Monday after it.',
      action: { anchor: 'log-time-heading', label: 'Log time' },
      loggedThisWeek: 90,
      toInvoice: null,
      autoInvoicing: true,
    })
  })

  it('sends the freelancer to invoice finished weeks when the weekly job is off, and says when it is on', () => {
    const toInvoice = { weeks: 1, firstWeek: '2026-11-16', minutes: 150, amountMinor: 10_000 }
    expect(hourlyNextStep({ ...base, side: 'freelancer', toInvoice, autoInvoicing: false })).toMatchObject({
      title: 'Next: send your invoice',
      text:
        '2 h 30 min from the week of 16 Nov 2026 ($100) is not invoiced yet, and invoices are not sent automatically ' +
        'here: send it yourself. The client then has 5 days to approve it; after that it counts as approved and is ' +
        'paid. This week: 1 h 30 min logged; the client allows 20 h.',
      action: { anchor: 'weeks-to-invoice', label: 'Send the invoice' },
    })
    expect(hourlyNextStep({ ...base, side: 'freelancer', toInvoice, autoInvoicing: true })).toMatchObject({
      title: 'Next: log your hours',
      text: expect.stringContaining(
        '($100) is not invoiced yet: it goes to the client automatically within 15 minutes',
      ),
    })
    expect(hourlyNextStep({ ...base, side: 'freelancer', autoInvoicing: false })).toMatchObject({
      text: expect.stringContaining('send its invoice from Hours and invoices (it is not sent automatically here)'),
    })
  })

  it('says why for the freelancer while the contract is paused', () => {
    expect(hourlyNextStep({ ...base, side: 'freelancer', pauseReason: 'Payment failed 3 times.' })).toEqual({
      kind: 'paused',
      reason: 'Payment failed 3 times.',
    })
  })

  it('is the oldest invoice waiting for the client, with how many wait', () => {
    const invoices = [
      invoice('pending', '2026-11-16', 60_00),
      invoice('paid', '2026-11-02'),
      invoice('pending', '2026-11-09'),
    ]
    expect(hourlyNextStep({ ...base, side: 'client', invoices })).toEqual({
      kind: 'review-invoice',
      count: 2,
      weekStart: '2026-11-09',
      amountMinor: 100_00,
      reviewDueAt: '2026-11-09T12:00:00.000Z',
    })
  })

  it('is paying an invoice whose charge failed, once none waits for approval', () => {
    const failed = { ...invoice('payment_failed', '2026-11-09'), payableMinor: 40_00 }
    expect(hourlyNextStep({ ...base, side: 'client', invoices: [failed, invoice('disputed', '2026-11-16')] })).toEqual({
      kind: 'pay-invoice',
      count: 1,
      weekStart: '2026-11-09',
      amountMinor: 40_00,
      hasCard: false,
    })
    expect(hourlyNextStep({ ...base, side: 'client', invoices: [failed], hasCard: true })).toMatchObject({
      kind: 'pay-invoice',
      hasCard: true,
    })
  })

  it('still asks the client to review or pay the last invoices of an ended contract', () => {
    const ended = { ...base, active: false, side: 'client' as const }
    expect(hourlyNextStep({ ...ended, invoices: [invoice('pending', '2026-11-23')] })).toMatchObject({
      kind: 'review-invoice',
      weekStart: '2026-11-23',
    })
    expect(hourlyNextStep({ ...ended, invoices: [invoice('payment_failed', '2026-11-23')] })).toMatchObject({
      kind: 'pay-invoice',
    })
    expect(hourlyNextStep({ ...ended, invoices: [invoice('paid', '2026-11-23')] })).toBeNull()
  })

  it('tells the client of an active contract with nothing to act on how this week’s hours stand', () => {
    const settled = [invoice('paid', '2026-11-09'), invoice('disputed', '2026-11-16')]
    expect(hourlyNextStep({ ...base, side: 'client', invoices: settled })).toEqual({
      kind: 'watch-hours',
      title: 'Hours come to you as weekly invoices',
      text:
        'This week: 1 h 30 min logged; you allow up to 20 h a week. Each finished week is invoiced on the Monday ' +
        'after it; you then have 5 days to approve or dispute it, and it is paid from your wallet, then your card on file.',
      loggedThisWeek: 90,
      autoInvoicing: true,
    })
    // With the weekly job off, the card must not promise invoices on Mondays.
    expect(hourlyNextStep({ ...base, side: 'client', invoices: settled, autoInvoicing: false })).toMatchObject({
      kind: 'watch-hours',
      text: expect.stringContaining('The freelancer sends each finished week’s invoice; you then have 5 days'),
    })
  })

  it('is nothing for a client with nothing to act on after the end, for the freelancer on an ended contract, or for an admin', () => {
    const settled = [
      invoice('paid', '2026-11-09'),
      invoice('disputed', '2026-11-16'),
      invoice('approved', '2026-11-23'),
    ]
    expect(hourlyNextStep({ ...base, side: 'client', active: false, invoices: settled })).toBeNull()
    expect(hourlyNextStep({ ...base, side: 'freelancer', active: false })).toBeNull()
    expect(hourlyNextStep({ ...base, side: 'admin', invoices: [invoice('pending', '2026-11-09')] })).toBeNull()
  })
})

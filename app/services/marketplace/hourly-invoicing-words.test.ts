import { describe, expect, it } from 'vitest'
import { noInvoicesYetText, whoInvoicesWeeks } from './hourly-invoicing-words'

describe('who invoices an hourly contract’s weeks, in words', () => {
  it('promises the Monday only while the weekly job runs', () => {
    for (const reader of ['client', 'freelancer', 'admin'] as const) {
      expect(whoInvoicesWeeks(true, reader)).toBe('Each finished week is invoiced on the Monday after it')
      expect(noInvoicesYetText(true, reader)).toBe(
        'No invoices yet. Each finished week with logged time is invoiced on the Monday after it.',
      )
      expect(whoInvoicesWeeks(false, reader)).not.toMatch(/Monday/)
      expect(noInvoicesYetText(false, reader)).not.toMatch(/Monday/)
    }
  })

  it('with the job off, tells the freelancer to send each week and the client who will', () => {
    expect(noInvoicesYetText(false, 'freelancer')).toBe(
      'No invoices yet. They are not sent automatically here: when a week with logged time is over, send its invoice from Log time.',
    )
    expect(whoInvoicesWeeks(false, 'freelancer')).toBe(
      'You send each finished week’s invoice yourself (it is not sent automatically here)',
    )
    expect(noInvoicesYetText(false, 'client')).toBe(
      'No invoices yet. The freelancer sends an invoice for each finished week with logged time; it then waits here for your approval.',
    )
    expect(whoInvoicesWeeks(false, 'client')).toBe('The freelancer sends each finished week’s invoice')
  })
})

import { describe, expect, it } from 'vitest'
import { spreadsheetSafe } from '~/utils/spreadsheet-csv'
import { decimalAmount, paymentHistoryCsvRows } from './payment-history.server'

describe('payment history CSV', () => {
  it('writes amounts as plain signed decimals with the currency’s minor digits', () => {
    expect(decimalAmount(-1_250, 'USD')).toBe('-12.50')
    expect(decimalAmount(5, 'EUR')).toBe('0.05')
    expect(decimalAmount(1_500, 'JPY')).toBe('1500')
    expect(decimalAmount(-1_234, 'BHD')).toBe('-1.234')
  })

  it('keeps text a spreadsheet would run as a formula as text', () => {
    expect(spreadsheetSafe('=HYPERLINK("http://evil")')).toBe('\'=HYPERLINK("http://evil")')
    expect(spreadsheetSafe('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(spreadsheetSafe('Released “Logo”')).toBe('Released “Logo”')
  })

  it('quotes commas, quotes and line breaks in descriptions', () => {
    const csv = paymentHistoryCsvRows([
      {
        id: 'x',
        at: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
        type: 'release',
        account: 'wallet',
        description: 'Released "Logo, v2"\nfinal',
        amountMinor: 45_000,
        currency: 'USD',
        status: 'completed',
        countsInNet: true,
        contractId: null,
        reference: 't1',
      },
    ])
    expect(csv).toBe(
      'Date (UTC),Type,Account,Description,Amount,Currency,Status,Counts in net,Reference\n' +
        '2026-01-02T03:04:05.000Z,Release,Wallet,"Released ""Logo, v2""\nfinal",450.00,USD,Completed,yes,t1\n',
    )
  })
})

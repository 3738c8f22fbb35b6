import { describe, expect, it } from 'vitest'
import { spreadsheetCsv, spreadsheetSafe } from './spreadsheet-csv'

describe('CSV for spreadsheets', () => {
  it('keeps text a spreadsheet would run as a formula as text, and numbers as numbers', () => {
    expect(spreadsheetSafe('=HYPERLINK("http://evil")')).toBe('\'=HYPERLINK("http://evil")')
    expect(spreadsheetSafe('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(spreadsheetSafe('+1+cmd')).toBe("'+1+cmd")
    expect(spreadsheetSafe('-2+3')).toBe("'-2+3")
    expect(spreadsheetSafe('\t=1')).toBe("'\t=1")
    expect(spreadsheetSafe('Released “Logo”')).toBe('Released “Logo”')
    expect(spreadsheetSafe('-12.50')).toBe('-12.50')
    expect(spreadsheetSafe('+3')).toBe('+3')
  })

  it('guards every text cell, whatever column a user-chosen name or title lands in', () => {
    const csv = spreadsheetCsv(
      [
        ['=1+1', 'Ada', -5, '-5.25'],
        ['@cmd', 3, '=A1'],
      ],
      {
        header: true,
        columns: ['name', 'x', 'y', 'z'],
      },
    )
    expect(csv).toBe("name,x,y,z\n'=1+1,Ada,-5,-5.25\n'@cmd,3,'=A1\n")
  })
})

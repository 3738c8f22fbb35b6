import { describe, expect, it } from 'vitest'
import { chartTable, tableCsv } from './exports'

describe('analytics CSV exports', () => {
  it("keep a project title or a person's name that starts like a formula as text; money stays a number", () => {
    const csv = tableCsv(
      {
        id: 'top-projects',
        title: 'Top projects',
        columns: ['Project', 'Client', 'Value'],
        moneyColumns: [2],
        rows: [['=HYPERLINK("https://evil.example","Open")', '@Mallory', -125_050]],
      },
      'USD',
    )
    expect(csv).toBe('Project,Client,Value\n"\'=HYPERLINK(""https://evil.example"",""Open"")",\'@Mallory,-1250.50\n')
  })

  it('write a bucket with no value (an average over no reviews) as an empty cell, not 0', () => {
    const table = chartTable({
      id: 'rating',
      title: 'Average rating received',
      labelHeading: 'Month',
      kind: 'line',
      format: { kind: 'count' },
      data: { labels: ['Oct', 'Nov'], series: [{ name: 'Rating (1–5)', values: [4.5, null] }] },
    })
    expect(tableCsv(table, 'USD')).toBe('Month,Rating (1–5)\nOct,4.5\nNov,\n')
  })
})

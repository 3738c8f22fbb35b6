import { describe, expect, it } from 'vitest'
import { tableCsv } from './exports'

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
})

import { hireBetweenNewUsers } from './escrow-fixtures'

/**
 * An active hourly contract at $40 an hour between two new users, started on 1 November 2026 so
 * the tests' fixed days in November may be logged (no time before a contract's first day).
 */
export async function createHourlyTestContract(weeklyLimitHours: number | null = 20) {
  return hireBetweenNewUsers({
    type: 'hourly',
    title: 'Support our API',
    amountMinor: 4000,
    contract: { weeklyLimitHours, createdAt: new Date('2026-11-01T00:00:00Z') },
  })
}

import { hireBetweenNewUsers } from './escrow-fixtures'

/** An active hourly contract at $40 an hour between two new users. */
export async function createHourlyTestContract(weeklyLimitHours: number | null = 20) {
  return hireBetweenNewUsers({
    type: 'hourly',
    title: 'Support our API',
    amountMinor: 4000,
    contract: { weeklyLimitHours },
  })
}

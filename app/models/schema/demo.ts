import { sqliteTable } from 'drizzle-orm/sqlite-core'
import { userRef } from './accounts'

/**
 * Accounts the demo seed created (they share the published demo password). The seed writes a row
 * for each, so a production start can see demo data in its database and refuse to run.
 */
export const demoAccounts = sqliteTable('demo_accounts', {
  userId: userRef('user_id', 'cascade').primaryKey(),
})

import { sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { users } from './accounts'

/**
 * Accounts the demo seed created (they share the published demo password). The seed writes a row
 * for each, so a production start can see demo data in its database and refuse to run.
 */
export const demoAccounts = sqliteTable('demo_accounts', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
})

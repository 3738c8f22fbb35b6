import { getDb } from './db.server'

/** Whether the database answers a query: what /healthz reports. */
export async function checkDatabase(): Promise<boolean> {
  try {
    return getDb().$client.prepare('select 1 as ok').get() !== undefined
  } catch {
    return false
  }
}

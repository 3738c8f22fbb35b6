import { and, desc, eq, gt, isNull } from 'drizzle-orm'
import { consumeCode, countCodeAttempt } from './code-rows.server'
import { getDb } from './db.server'
import { oneTimeCodes } from './schema'

export type OneTimeCode = typeof oneTimeCodes.$inferSelect
type CodeKey = Pick<OneTimeCode, 'userId' | 'channel' | 'purpose' | 'boundTo'>

function sameKey(key: CodeKey) {
  return and(
    eq(oneTimeCodes.userId, key.userId),
    eq(oneTimeCodes.channel, key.channel),
    eq(oneTimeCodes.purpose, key.purpose),
    eq(oneTimeCodes.boundTo, key.boundTo),
  )
}

/** Stores a new code and voids the earlier unused ones for the same purpose and channel. */
export async function replaceOneTimeCode(row: Omit<OneTimeCode, 'attempts' | 'usedAt'>): Promise<void> {
  getDb().transaction((tx) => {
    tx.delete(oneTimeCodes)
      .where(and(sameKey(row), isNull(oneTimeCodes.usedAt)))
      .run()
    tx.insert(oneTimeCodes).values(row).run()
  })
}

/** The newest unused, unexpired code for this purpose, if any. */
export async function findLiveOneTimeCode(key: CodeKey, now: Date): Promise<OneTimeCode | undefined> {
  return getDb()
    .select()
    .from(oneTimeCodes)
    .where(and(sameKey(key), isNull(oneTimeCodes.usedAt), gt(oneTimeCodes.expiresAt, now)))
    .orderBy(desc(oneTimeCodes.createdAt))
    .get()
}

export async function countOneTimeCodeAttempt(id: string): Promise<void> {
  return countCodeAttempt(oneTimeCodes, id)
}

/** Marks the code used; false when another request used it first. */
export async function consumeOneTimeCode(id: string, now: Date): Promise<boolean> {
  return consumeCode(oneTimeCodes, id, now)
}

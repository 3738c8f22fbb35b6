import { and, eq, gt, isNull } from 'drizzle-orm'
import { consumeCode, takeCodeTry, findNewestUnusedCode, replaceCode } from './code-rows.server'
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
  replaceCode(oneTimeCodes, sameKey(row), row)
}

/** The newest unused, unexpired code for this purpose, if any. */
export async function findLiveOneTimeCode(key: CodeKey, now: Date): Promise<OneTimeCode | undefined> {
  return findNewestUnusedCode(oneTimeCodes, and(sameKey(key), gt(oneTimeCodes.expiresAt, now)))
}

/** Takes one of the code's tries; false when all `maxTries` are used. */
export async function takeOneTimeCodeTry(id: string, maxTries: number): Promise<boolean> {
  return takeCodeTry(oneTimeCodes, id, maxTries)
}

/** Marks the code used; false when another request used it first. */
export async function consumeOneTimeCode(id: string, now: Date): Promise<boolean> {
  return consumeCode(oneTimeCodes, id, now)
}

/** Forgets the unused codes for this purpose (a change the person called off). */
export async function deleteUnusedOneTimeCodes(key: CodeKey): Promise<boolean> {
  return (
    getDb()
      .delete(oneTimeCodes)
      .where(and(sameKey(key), isNull(oneTimeCodes.usedAt)))
      .run().changes > 0
  )
}

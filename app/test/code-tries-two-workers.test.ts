import { AsyncLocalStorage } from 'node:async_hooks'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { eq } from 'drizzle-orm'
import { afterAll, describe, expect, it, vi } from 'vitest'
import type * as DbModule from '~/models/db.server'
import { getDb, type DB } from '~/models/db.server'
import { listOutbox } from '~/models/outbox.server'
import {
  completePasswordReset,
  requestPasswordReset,
  RESET_MAX_ATTEMPTS,
} from '~/services/accounts/password-reset.server'
import { finishSignUp, readPendingSignUp, startSignUp } from '~/services/accounts/sign-up.server'
import { issueOneTimeCode, redeemOneTimeCode } from '~/services/security/one-time-codes.server'
import { createTestUser } from '~/test/users'
import * as schema from '~/models/schema'

/*
 * Two web workers are two processes, each with its own connection to the one SQLite file. Here the
 * second worker is a second better-sqlite3 connection to the test's file: whatever runs inside
 * `asWorkerB` reaches the database through it, the rest through the usual one. Two guesses sent at
 * the same instant then interleave as they would across processes (each model call awaits).
 */
const worker = vi.hoisted(() => ({ b: undefined as DB | undefined, store: undefined as unknown }))
worker.store = new AsyncLocalStorage<DB>()

vi.mock('~/models/db.server', async (importOriginal) => {
  const original = await importOriginal<typeof DbModule>()
  return { ...original, getDb: () => (worker.store as AsyncLocalStorage<DB>).getStore() ?? original.getDb() }
})

function connectWorkerB(): DB {
  const sqlite = new Database(process.env.DATABASE_PATH!)
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('foreign_keys = ON')
  return drizzle({ client: sqlite, schema }) as DB
}

function asWorkerB<T>(run: () => Promise<T>): Promise<T> {
  worker.b ??= connectWorkerB()
  return (worker.store as AsyncLocalStorage<DB>).run(worker.b, run)
}

afterAll(() => worker.b?.$client.close())

const PASSWORD = 'plum-satellite-913'

/** A code that is surely not `code`, of the same length. */
function wrongFor(code: string): string {
  return code.replace(/\d/g, (digit) => String((Number(digit) + 1) % 10))
}

async function codeInLatestEmail(email: string, pattern: RegExp): Promise<string> {
  const { rows } = await listOutbox({ to: email, page: 1, pageSize: 1 })
  const code = pattern.exec(rows[0]?.text ?? '')?.[1]
  if (!code) throw new Error(`no code emailed to ${email}`)
  return code
}

describe('a one-time code’s five tries, guessed by two workers at once', () => {
  it('lets no sixth try through: four wrong, then a wrong and the right code at the same instant', async () => {
    const user = await createTestUser('client')
    const key = { userId: user.id, channel: 'email' as const, purpose: 'second_factor' as const }
    const code = await issueOneTimeCode({ ...key, destination: user.email })
    for (let i = 0; i < 4; i++) expect(await redeemOneTimeCode(key, wrongFor(code))).toEqual({ ok: false })
    const [fifth, sixth] = await Promise.all([
      redeemOneTimeCode(key, wrongFor(code)),
      asWorkerB(() => redeemOneTimeCode(key, code)),
    ])
    expect(fifth).toEqual({ ok: false })
    expect(sixth).toEqual({ ok: false })
    const row = getDb().select().from(schema.oneTimeCodes).where(eq(schema.oneTimeCodes.userId, user.id)).get()
    expect(row?.attempts).toBe(5)
  })
})

describe('a password reset code’s five tries, guessed by two workers at once', () => {
  it('lets no sixth try through', async () => {
    const user = await createTestUser('client')
    await requestPasswordReset(user.email)
    const code = await codeInLatestEmail(user.email, /reset code is: (\d{8})/)
    const guess = (typed: string) => completePasswordReset({ email: user.email, code: typed, password: PASSWORD })
    for (let i = 0; i < RESET_MAX_ATTEMPTS - 1; i++) expect((await guess(wrongFor(code))).ok).toBe(false)
    const [fifth, sixth] = await Promise.all([guess(wrongFor(code)), asWorkerB(() => guess(code))])
    expect(fifth.ok).toBe(false)
    expect(sixth.ok).toBe(false)
  })

  it('keeps the tries of someone who types the right code with a password the rules refuse', async () => {
    const user = await createTestUser('client')
    await requestPasswordReset(user.email)
    const code = await codeInLatestEmail(user.email, /reset code is: (\d{8})/)
    for (let i = 0; i < RESET_MAX_ATTEMPTS; i++) {
      const refused = await completePasswordReset({ email: user.email, code, password: 'short' })
      expect(refused).toMatchObject({ ok: false, field: 'password' })
    }
    expect(await completePasswordReset({ email: user.email, code, password: PASSWORD })).toEqual({ ok: true })
  })
})

describe('a sign-up code’s five tries, guessed by two workers at once', () => {
  it('lets no sixth try through', async () => {
    const email = `race-${crypto.randomUUID()}@example.com`
    const started = await startSignUp({ role: 'client', name: 'Rana Racer', email, password: PASSWORD })
    if (!started.ok) throw new Error(started.message)
    const cookie = started.setCookie.split(';')[0]!
    const pending = await readPendingSignUp(new Request('http://localhost/sign-up/verify', { headers: { cookie } }))
    if (!pending) throw new Error('no pending sign-up')
    const code = await codeInLatestEmail(email, /sign-up code is: (\d{6})/)
    for (let i = 0; i < 4; i++) expect((await finishSignUp(pending.id, wrongFor(code))).ok).toBe(false)
    const [fifth, sixth] = await Promise.all([
      finishSignUp(pending.id, wrongFor(code)),
      asWorkerB(() => finishSignUp(pending.id, code)),
    ])
    expect(fifth.ok).toBe(false)
    expect(sixth.ok).toBe(false)
  })
})

describe('two sign-ups for one mailbox, finished by two workers at once', () => {
  it('make one account; the other is told to sign in, not answered with a 500', async () => {
    const typed = ['mina.case@example.com', 'Mina.Case@Example.COM']
    const pendings: { id: string; code: string }[] = []
    for (const email of typed) {
      const started = await startSignUp({ role: 'client', name: 'Mina Case', email, password: PASSWORD })
      if (!started.ok) throw new Error(started.message)
      const cookie = started.setCookie.split(';')[0]!
      const pending = await readPendingSignUp(new Request('http://localhost/sign-up/verify', { headers: { cookie } }))
      if (!pending) throw new Error('no pending sign-up')
      pendings.push({ id: pending.id, code: await codeInLatestEmail(email, /sign-up code is: (\d{6})/) })
    }
    const [first, second] = await Promise.all([
      finishSignUp(pendings[0]!.id, pendings[0]!.code),
      asWorkerB(() => finishSignUp(pendings[1]!.id, pendings[1]!.code)),
    ])
    expect([first.ok, second.ok].sort()).toEqual([false, true])
    const refused = first.ok ? second : first
    expect(refused).toEqual({ ok: false, message: expect.stringContaining('already') })
    const accounts = getDb().select().from(schema.users).where(eq(schema.users.email, typed[0]!)).all()
    expect(accounts).toHaveLength(1)
  })
})

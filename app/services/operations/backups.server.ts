import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {
  copyDatabaseFile,
  inspectDatabaseFile,
  isDatabaseInUse,
  writeOnlineBackup,
} from '~/models/database-files.server'
import { DAY_MS } from '~/domain/durations'
import { getEnv } from '~/utils/env.server'
import { logger } from '~/utils/logger.server'
import type { Refusal } from '../domain-errors'

/** Backups are named by their UTC time, so names sort oldest first. */
const BACKUP_NAME = /^megilance-\d{8}T\d{6}Z\.db$/

function backupDirectory(env = getEnv()): string {
  return path.resolve(env.BACKUP_DIR ?? path.join(path.dirname(path.resolve(env.DATABASE_PATH)), 'backups'))
}

function backupName(now: Date): string {
  return `megilance-${now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z')}.db`
}

/** When a backup was taken, from its name. */
function takenAt(file: string): number {
  const [, y, mo, d, h, mi, se] = /(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/.exec(path.basename(file)) ?? []
  return Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${se}Z`)
}

function sha256Of(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')
}

/** The checksum file beside a backup, in `sha256sum` format so `sha256sum -c` reads it too. */
function checksumFileOf(file: string): string {
  return `${file}.sha256`
}

export type BackupCheck = { ok: true } | Refusal<'invalid' | 'not-found'>

/** A backup is sound when its checksum matches, SQLite finds its pages intact and its ledger balances. */
export async function verifyBackup(file: string): Promise<BackupCheck> {
  if (!fs.existsSync(file)) return { ok: false, reason: 'not-found', message: `No backup at ${file}.` }
  const checksumFile = checksumFileOf(file)
  if (!fs.existsSync(checksumFile)) {
    return {
      ok: false,
      reason: 'invalid',
      message: `No checksum file ${path.basename(checksumFile)} beside the backup.`,
    }
  }
  const expected = fs.readFileSync(checksumFile, 'utf8').trim().split(/\s+/)[0]
  if (expected !== sha256Of(file)) {
    return {
      ok: false,
      reason: 'invalid',
      message: 'The backup does not match its checksum: it changed or is incomplete.',
    }
  }
  const report = await inspectDatabaseFile(file)
  if (report.integrity.join() !== 'ok') {
    return { ok: false, reason: 'invalid', message: `SQLite's integrity check failed: ${report.integrity.join('; ')}` }
  }
  const { unbalancedCurrencies, negativeAccounts, unbalancedTransactions } = report.ledger
  if (unbalancedCurrencies.length || negativeAccounts || unbalancedTransactions) {
    return {
      ok: false,
      reason: 'invalid',
      message: `The backup's ledger does not balance (${unbalancedCurrencies.length} currencies, ${unbalancedTransactions} transactions unbalanced; ${negativeAccounts} holdings below zero).`,
    }
  }
  return { ok: true }
}

/**
 * Writes a consistent copy of the live database and its checksum, then verifies the copy; a copy
 * that fails is deleted. The file appears under its final name only once it is whole.
 */
export async function createBackup(now = new Date(), directory = backupDirectory()) {
  fs.mkdirSync(directory, { recursive: true })
  const file = path.join(directory, backupName(now))
  const partial = `${file}.partial`
  await writeOnlineBackup(partial)
  fs.renameSync(partial, file)
  fs.writeFileSync(checksumFileOf(file), `${sha256Of(file)}  ${path.basename(file)}\n`)
  const check = await verifyBackup(file)
  if (!check.ok) {
    removeBackup(file)
    throw new Error(`The backup failed its check and was deleted: ${check.message}`)
  }
  return { file, sizeBytes: fs.statSync(file).size }
}

function removeBackup(file: string) {
  fs.rmSync(file, { force: true })
  fs.rmSync(checksumFileOf(file), { force: true })
}

export function listBackups(directory = backupDirectory()): string[] {
  if (!fs.existsSync(directory)) return []
  return fs
    .readdirSync(directory)
    .filter((name) => BACKUP_NAME.test(name))
    .sort()
    .map((name) => path.join(directory, name))
}

/** Deletes all but the newest `keep` backups; returns what it deleted. */
export function pruneBackups(keep: number, directory = backupDirectory()): string[] {
  const backups = listBackups(directory)
  const excess = backups.slice(0, Math.max(0, backups.length - keep))
  excess.forEach(removeBackup)
  return excess
}

/** The daily job (it runs hourly): one backup a day, never two, then keeps the newest BACKUP_KEEP. */
export async function runDailyBackup(now: Date) {
  const newest = listBackups().at(-1)
  if (newest && now.getTime() - takenAt(newest) < DAY_MS) return { backedUp: false }
  const { file, sizeBytes } = await createBackup(now)
  const pruned = pruneBackups(getEnv().BACKUP_KEEP)
  logger.info({ file, sizeBytes, pruned }, 'daily backup written')
  return { backedUp: true, file, pruned: pruned.length }
}

export type RestoreOutcome = { ok: true; previousCopy: string | null } | Refusal<'invalid' | 'not-found' | 'conflict'>

/**
 * Replaces the database file with a verified backup. Refused while a server has the file open; the
 * file it replaces is kept beside it, and its stale WAL is removed so it cannot replay onto the backup.
 */
export async function restoreBackup(backup: string, target: string, now = new Date()): Promise<RestoreOutcome> {
  const check = await verifyBackup(backup)
  if (!check.ok) return check
  let previousCopy: string | null = null
  if (fs.existsSync(target)) {
    if (await isDatabaseInUse(target)) {
      return { ok: false, reason: 'conflict', message: `${target} is open in a running server: stop it first.` }
    }
    previousCopy = `${target}.before-restore-${backupName(now).replace(/^megilance-|\.db$/g, '')}`
    await copyDatabaseFile(target, previousCopy)
  }
  const incoming = `${target}.restoring`
  fs.copyFileSync(backup, incoming)
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true })
  fs.renameSync(incoming, target)
  return { ok: true, previousCopy }
}

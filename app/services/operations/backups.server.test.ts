import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getDb } from '~/models/db.server'
import { resetEnvForTests } from '~/utils/env.server'
import { freelancerWithWallet } from '~/test/wallet'
import { DAY_MS, HOUR_MS } from '~/domain/durations'
import { createBackup, listBackups, pruneBackups, restoreBackup, runDailyBackup, verifyBackup } from './backups.server'

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'megilance-backups-'))
  process.env.BACKUP_DIR = dir
  resetEnvForTests()
})
afterEach(() => {
  delete process.env.BACKUP_DIR
  delete process.env.BACKUP_KEEP
  resetEnvForTests()
  fs.rmSync(dir, { recursive: true, force: true })
})

const walletCount = (file: string) => {
  const db = new Database(file, { readonly: true })
  try {
    return (db.prepare("select count(*) as n from ledger_accounts where kind = 'wallet'").get() as { n: number }).n
  } finally {
    db.close()
  }
}

describe('backups', () => {
  it('writes a consistent copy of the live database with a sha256sum-style checksum, and verifies it', async () => {
    await freelancerWithWallet(12_345)
    const { file } = await createBackup(new Date('2026-12-05T10:00:00Z'), dir)

    expect(path.basename(file)).toBe('megilance-20261205T100000Z.db')
    expect(fs.readFileSync(`${file}.sha256`, 'utf8')).toMatch(/^[0-9a-f]{64} {2}megilance-20261205T100000Z\.db\n$/)
    expect(walletCount(file)).toBeGreaterThan(0)
    expect(await verifyBackup(file)).toEqual({ ok: true })
  })

  it('refuses a backup that changed after its checksum, or whose ledger does not balance', async () => {
    const { file } = await createBackup(new Date('2026-12-05T10:00:00Z'), dir)
    const tampered = new Database(file)
    tampered.exec(
      'insert into ledger_entries (transaction_id, account_id, amount_minor, currency) select transaction_id, account_id, 1, currency from ledger_entries limit 1',
    )
    tampered.close()
    expect(await verifyBackup(file)).toMatchObject({ ok: false, message: expect.stringMatching(/checksum/) })

    // Re-signed, the checksum passes but the ledger check does not.
    const { createHash } = await import('node:crypto')
    const hash = createHash('sha256').update(fs.readFileSync(file)).digest('hex')
    fs.writeFileSync(`${file}.sha256`, `${hash}  ${path.basename(file)}\n`)
    expect(await verifyBackup(file)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/ledger does not balance/),
    })
  })

  it('keeps one backup a day and only the newest BACKUP_KEEP', async () => {
    process.env.BACKUP_KEEP = '2'
    resetEnvForTests()
    const start = Date.now()
    expect(await runDailyBackup(new Date(start))).toMatchObject({ backedUp: true })
    expect(await runDailyBackup(new Date(start + HOUR_MS))).toEqual({ backedUp: false })
    expect(listBackups(dir)).toHaveLength(1)

    // Three more days: each writes one, and only two remain.
    for (const day of [1, 2, 3]) {
      expect(await runDailyBackup(new Date(start + day * DAY_MS))).toMatchObject({ backedUp: true })
    }
    expect(listBackups(dir)).toHaveLength(2)
    expect(pruneBackups(1, dir)).toHaveLength(1)
  })

  it('restores a verified backup over a stopped database, keeping the file it replaces', async () => {
    await freelancerWithWallet(500)
    const { file } = await createBackup(new Date('2026-12-05T10:00:00Z'), dir)
    const target = path.join(dir, 'restored.db')
    fs.writeFileSync(target, '')
    fs.writeFileSync(`${target}-wal`, 'stale')

    const outcome = await restoreBackup(file, target, new Date('2026-12-06T00:00:00Z'))

    expect(outcome).toMatchObject({ ok: true })
    expect(fs.existsSync(`${target}-wal`)).toBe(false)
    expect(walletCount(target)).toBe(walletCount(file))
  })

  it('refuses to restore over a database a server has open', async () => {
    const { file } = await createBackup(new Date('2026-12-05T10:00:00Z'), dir)
    const live = getDb().$client.name

    const outcome = await restoreBackup(file, live)

    expect(outcome).toMatchObject({ ok: false, reason: 'conflict', message: expect.stringMatching(/stop it first/) })
  })
})

import path from 'node:path'
import { restoreBackup } from '~/services/operations/backups.server'
import { getEnv } from '~/utils/env.server'

/**
 * `npm run restore -- FILE`: checks FILE (checksum, integrity, ledger) and puts it in place of
 * DATABASE_PATH. Stop the server first: the restore refuses a file a server has open.
 */
async function main(): Promise<number> {
  const backup = process.argv[2]
  if (!backup) {
    console.error('Usage: npm run restore -- <backup file>')
    return 2
  }
  const target = path.resolve(getEnv().DATABASE_PATH)
  const outcome = await restoreBackup(path.resolve(backup), target)
  if (!outcome.ok) {
    console.error(`Not restored: ${outcome.message}`)
    return 1
  }
  console.log(`Restored ${backup} to ${target}.`)
  if (outcome.previousCopy) console.log(`The database it replaced is kept at ${outcome.previousCopy}.`)
  return 0
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  },
)

import { closeDb } from '~/models/db.server'
import { createBackup } from '~/services/operations/backups.server'

/** `npm run backup`: a consistent copy of the database (safe while the server runs) and its checksum. */
createBackup()
  .then(({ file, sizeBytes }) =>
    console.log(`Backup written and verified: ${file} (${sizeBytes} bytes) and ${file}.sha256`),
  )
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  })
  .finally(closeDb)

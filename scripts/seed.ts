import { closeDb } from '~/models/db.server'
import { seedDemoData } from './seed/demo-data'

seedDemoData({ ifEmpty: process.argv.includes('--if-empty') })
  .then((message) => console.log(message))
  .catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
  .finally(closeDb)

import { closeDb, getDb } from '~/models/db.server'
import { getEnv } from '~/utils/env.server'

// Opening the database applies any pending migrations from drizzle/.
getDb()
closeDb()
console.log(`Database ready at ${getEnv().DATABASE_PATH}`)

/*
 * Rebuilds the project search index from the projects table. The triggers keep it in step day to
 * day; run this after a VACUUM, which may renumber the rowids the index is keyed by.
 */
import { closeDb } from '~/models/db.server'
import { rebuildProjectSearchIndex } from '~/models/project-search.server'

rebuildProjectSearchIndex()
  .then((rows) => console.log(`Search index rebuilt: ${rows} projects.`))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  })
  .finally(closeDb)

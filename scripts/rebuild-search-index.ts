/*
 * Rebuilds the project and freelancer search indexes from their tables. The triggers keep them in
 * step day to day; run this after a VACUUM, which may renumber the rowids the indexes are keyed by.
 */
import { closeDb } from '~/models/db.server'
import { rebuildProjectSearchIndex } from '~/models/project-search.server'
import { rebuildFreelancerSearchIndex } from '~/models/talent-search.server'

Promise.all([rebuildProjectSearchIndex(), rebuildFreelancerSearchIndex()])
  .then(([projects, freelancers]) =>
    console.log(`Search indexes rebuilt: ${projects} projects, ${freelancers} freelancers.`),
  )
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  })
  .finally(closeDb)

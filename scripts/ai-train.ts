/**
 * `npm run ai:train`: fits the matching weights and the success model on DATABASE_PATH (the npm
 * script defaults it to data/large.db) and stores each as a new version. Below the minimum number
 * of outcomes nothing is stored and the published defaults (or no estimate) stay in force.
 */
import { closeDb } from '~/models/db.server'
import { getEnv } from '~/utils/env.server'
import { trainModels } from '~/services/ai/model-training.server'

const pct = (share: number) => `${(100 * share).toFixed(1)}%`

async function main() {
  const started = performance.now()
  console.log(`Training on ${getEnv().DATABASE_PATH} …`)
  const { matching, success } = await trainModels()
  if (matching.stored) {
    const v = matching.validation
    console.log(
      `Matching weights version ${matching.version}: learned from ${matching.hires} of ${matching.hiresOnRecord} hires. Hired freelancer in the top 10 on the newest fifth (${v.projects} projects), fitted on the older four-fifths: ${pct(v.fitted)}, published defaults ${pct(v.defaults)}.`,
    )
    console.log(
      matching.inForce === 'fitted'
        ? '  The fitted weights beat the defaults there: they are in force.'
        : '  The fitted weights did not beat the defaults there: the published defaults stay in force (the fit is stored for the record).',
    )
    console.log(
      `  ${Object.entries(matching.weights)
        .map(([key, weight]) => `${key} ${weight}`)
        .join(' · ')}`,
    )
  } else console.log(`Matching: ${matching.hires} hires, too few to fit; the published default weights stay in force.`)
  if (success.stored) {
    console.log(
      `Success model version ${success.version}: ${success.contracts} ended contracts (${Math.round(success.goodShare * 100)}% ended well); AUC ${success.heldOutAuc.toFixed(3)} on the newest ${success.heldOut} held out`,
    )
  } else
    console.log(
      `Success: ${success.contracts} ended contracts with a known outcome, too few to fit; no estimates shown.`,
    )
  console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`)
}

main()
  .catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
  .finally(() => closeDb())

/**
 * `npm run ai:train`: fits the matching weights and the success model on DATABASE_PATH (the npm
 * script defaults it to data/large.db) and stores each as a new version. Below the minimum number
 * of outcomes nothing is stored and the published defaults (or no estimate) stay in force.
 */
import { closeDb } from '~/models/db.server'
import { getEnv } from '~/utils/env.server'
import { trainModels } from '~/services/ai/model-training.server'

async function main() {
  const started = performance.now()
  console.log(`Training on ${getEnv().DATABASE_PATH} …`)
  const { matching, success } = await trainModels()
  if (matching.stored) {
    console.log(
      `Matching weights version ${matching.version}: learned from ${matching.hires} of ${matching.hiresOnRecord} hires; on ${matching.heldOutHires} newer held-out hires AUC ${matching.heldOutAuc.toFixed(3)} (published defaults ${matching.defaultAuc.toFixed(3)})`,
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

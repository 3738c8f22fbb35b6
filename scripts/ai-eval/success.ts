/**
 * Success prediction, measured: the logistic regression fitted on the older 80% of ended contracts
 * (by the day they were agreed), its AUC on the newest 20%, beside the AUC of the freelancer's
 * rating alone on the same contracts.
 */
import type { DB } from '~/models/db.server'
import { areaUnderCurve } from '~/services/ai/logistic'
import { MIN_CONTRACTS, SUCCESS_FEATURES, fitAndMeasure, successSamples } from '~/services/ai/success-model.server'
import type { EvalSection } from '../ai-eval'

export async function evaluate(_db: DB): Promise<EvalSection> {
  const samples = (await successSamples()).sort((a, b) => a.at - b.at)
  const name = 'Success prediction: the contract ends well'
  if (samples.length < MIN_CONTRACTS)
    return { name, lines: [`Only ${samples.length} ended contracts with a known outcome: nothing to measure.`] }
  const { early, heldOutAuc, heldOut } = fitAndMeasure(samples)
  const newer = samples.slice(samples.length - heldOut)
  const rating = SUCCESS_FEATURES.findIndex((f) => f.key === 'freelancerRating')
  const ratingAuc = areaUnderCurve(
    newer.map((s) => s.x[rating]!),
    newer.map((s) => (s.good ? 1 : 0)),
  )
  const good = newer.filter((s) => s.good).length
  return {
    name,
    lines: [
      `Logistic regression on ${samples.length - heldOut} older ended contracts; held out: the newest ${heldOut} (${Math.round((100 * good) / heldOut)}% ended well).`,
      `AUC of the success model      ${heldOutAuc.toFixed(3)}`,
      `AUC of the rating alone       ${ratingAuc.toFixed(3)}`,
      `coefficients (per standard deviation): ${early.features.map((f, j) => `${f} ${early.coefficients[j]!.toFixed(2)}`).join(' · ')}`,
    ],
  }
}

/** `npm run ai:train` and the weekly refit: the matching weights and the success model, each a new version. */
import { WEEK_MS } from '~/domain/durations'
import { findLatestFittedModel } from '~/models/fitted-models.server'
import { countModelOutcomes } from '~/models/model-training.server'
import { MIN_HIRES, trainMatchingModel } from './matching-model.server'
import { MIN_CONTRACTS, trainSuccessModel } from './success-model.server'

export async function trainModels(now = new Date()) {
  const counts = await countModelOutcomes()
  // Below both minimums there is nothing to fit: skip loading the data and the word vectors.
  const matching =
    counts.hires >= MIN_HIRES ? await trainMatchingModel(now) : { stored: false as const, hires: counts.hires }
  const success =
    counts.endedContracts >= MIN_CONTRACTS
      ? await trainSuccessModel(now)
      : { stored: false as const, contracts: counts.endedContracts }
  return { matching, success }
}

/** The scheduled job: checks hourly, refits when the newest fit is a week old (or there is none yet). */
export async function runWeeklyModelRefit(now: Date) {
  const latest = await findLatestFittedModel('matching')
  if (latest && now.getTime() - latest.fittedAt.getTime() < WEEK_MS) return { refitted: false }
  const counts = await countModelOutcomes()
  if (counts.hires < MIN_HIRES && counts.endedContracts < MIN_CONTRACTS) return { refitted: false, ...counts }
  return { refitted: true, ...(await trainModels(now)) }
}

import { LRUCache } from 'lru-cache'
import { findDiscoveryPreferences } from '~/models/discovery.server'
import { recommendProjects, type RecommendedProject } from '~/services/ai/recommendations.server'

/** How long the dashboard reuses a freelancer's recommendations. */
const FRESH_MS = 60_000
/** The dashboard shows the best few; "See all" opens the live list. */
const ON_DASHBOARD = 3

const recent = new LRUCache<string, Promise<RecommendedProject[]>>({ max: 5_000, ttl: FRESH_MS })

/**
 * The freelancer dashboard's recommended projects. Scoring the candidates was the largest cost of a
 * dashboard load (about 11 % of its CPU), and a dashboard is reloaded often, so its answer is kept for
 * a minute per freelancer (per web worker). The Recommended page still scores afresh. Turning
 * recommendations off is read on every load, so it takes effect at once.
 */
export async function dashboardRecommendations(freelancerId: string): Promise<RecommendedProject[]> {
  if ((await findDiscoveryPreferences(freelancerId)).recommendationsOff) return []
  let answer = recent.get(freelancerId)
  if (!answer) {
    answer = recommendProjects(freelancerId).then((projects) => projects.slice(0, ON_DASHBOARD))
    recent.set(freelancerId, answer)
    // A failure is not kept: the next load tries again.
    answer.catch(() => recent.delete(freelancerId))
  }
  return answer
}

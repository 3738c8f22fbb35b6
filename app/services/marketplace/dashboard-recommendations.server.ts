import { LRUCache } from 'lru-cache'
import { findDiscoveryPreferences } from '~/models/discovery.server'
import { recommendProjects, type RecommendedProject } from '~/services/ai/recommendations.server'

/** How long the dashboard reuses a freelancer's recommendations. */
const FRESH_MS = 60_000
/** The dashboard shows the best few; "See all" opens the live list. */
const ON_DASHBOARD = 3

/** What the dashboard shows of a recommendation: each factor's words and points, not its explanation. */
type DashboardRecommendation = {
  id: string
  title: string
  skills: string[]
  match: Pick<RecommendedProject['match'], 'score' | 'summary' | 'newcomer'> & {
    factors: Array<{ key: string; label: string; weight: number; points: number; words: string }>
  }
}

function asShown({ id, title, skills, match }: RecommendedProject): DashboardRecommendation {
  return {
    id,
    title,
    skills,
    match: {
      score: match.score,
      summary: match.summary,
      newcomer: match.newcomer,
      factors: match.factors.map(({ key, label, weight, points, words }) => ({ key, label, weight, points, words })),
    },
  }
}

const recent = new LRUCache<string, Promise<DashboardRecommendation[]>>({ max: 5_000, ttl: FRESH_MS })

/**
 * The freelancer dashboard's recommended projects. Scoring the candidates was the largest cost of a
 * dashboard load (about 11 % of its CPU), and a dashboard is reloaded often, so its answer is kept for
 * a minute per freelancer (per web worker). The Recommended page still scores afresh. Turning
 * recommendations off is read on every load, so it takes effect at once. Only what the dashboard
 * shows is kept and sent (each factor's explanation was two thirds of the page's data).
 */
export async function dashboardRecommendations(freelancerId: string): Promise<DashboardRecommendation[]> {
  if ((await findDiscoveryPreferences(freelancerId)).recommendationsOff) return []
  let answer = recent.get(freelancerId)
  if (!answer) {
    answer = recommendProjects(freelancerId).then((projects) => projects.slice(0, ON_DASHBOARD).map(asShown))
    recent.set(freelancerId, answer)
    // A failure is not kept: the next load tries again.
    answer.catch(() => recent.delete(freelancerId))
  }
  return answer
}

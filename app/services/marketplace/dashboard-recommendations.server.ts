import { LRUCache } from 'lru-cache'
import { DAY_MS, HOUR_MS } from '~/domain/durations'
import { freelancerRecordsOf } from '~/services/marketplace/freelancer-records.server'
import { listOpenProjectsForFreelancer } from '~/models/dashboard-stats.server'
import { nextRecordChangeAt, readRecommendationInputs } from '~/models/recommendation-inputs.server'
import { matchingWeightsInForce } from '~/services/ai/matching-model.server'
import { recommendProjects, type RecommendedProject } from '~/services/ai/recommendations.server'
import { memoInRequest } from '~/utils/request-context.server'

/** The dashboard shows the best few; "See all" opens the live list. */
const ON_DASHBOARD = 3

/**
 * What the dashboard shows of a recommendation: the match in words. Each factor's points are one
 * click away on the Recommended page; here they were half of the page's data.
 */
type DashboardRecommendation = {
  id: string
  title: string
  match: Pick<RecommendedProject['match'], 'score' | 'summary' | 'newcomer'>
}

function asShown({ id, title, match }: RecommendedProject): DashboardRecommendation {
  return { id, title, match: { score: match.score, summary: match.summary, newcomer: match.newcomer } }
}

/**
 * Until when the passing of time alone leaves the answer as it is: time zones' offsets are read per
 * clock hour; "active N days ago" changes every day, and between 14 and 90 days the activity share
 * fades continuously (not kept then); the record counts reviews and milestones from set moments.
 */
async function unchangedUntil(freelancerId: string, now: Date): Promise<number> {
  const t = now.getTime()
  let until = (Math.floor(t / HOUR_MS) + 1) * HOUR_MS
  const lastActiveAt = (await freelancerRecordsOf([freelancerId], now)).get(freelancerId)?.lastActiveAt
  if (lastActiveAt) {
    const days = (t - lastActiveAt.getTime()) / DAY_MS
    if (days > 14 && days < 90) return t
    until = Math.min(until, lastActiveAt.getTime() + (Math.max(0, Math.floor(days)) + 1) * DAY_MS)
  }
  return Math.min(until, (await nextRecordChangeAt(freelancerId, now)) ?? Number.POSITIVE_INFINITY)
}

type Kept = { version: string; weights: string; until: number; answer: Promise<DashboardRecommendation[]> }

const recent = new LRUCache<string, Kept>({ max: 5_000 })

/** Read once per page load: the recommendations and the open projects are kept against the same version. */
const inputsOf = (freelancerId: string) =>
  memoInRequest(`recommendation-inputs\u0000${freelancerId}`, () => readRecommendationInputs(freelancerId))

/** The weights in force as text, kept for the object matchingWeightsInForce answers (it keeps one a minute). */
const weightsText = new WeakMap<object, string>()
function textOf(weights: object): string {
  let text = weightsText.get(weights)
  if (text === undefined) weightsText.set(weights, (text = JSON.stringify(weights)))
  return text
}

/**
 * The freelancer dashboard's recommended projects. Scoring the candidates was the largest cost of a
 * dashboard load (about 11 % of its CPU), and a dashboard is reloaded often, so the answer is kept
 * per freelancer (per web worker) and reused only while it is still the answer: nothing it is
 * computed from was written since (a version read from counters that triggers raise, see
 * readRecommendationInputs), the matching weights in force are the same, and the passing of time
 * has not changed it yet (unchangedUntil). The Recommended page scores afresh. Only what the
 * dashboard shows is kept and sent.
 */
export async function dashboardRecommendations(
  freelancerId: string,
  now = new Date(),
): Promise<DashboardRecommendation[]> {
  // Read before computing: a write after this raises the version, and the next load computes again.
  const { off, version } = await inputsOf(freelancerId)
  if (off) return []
  const weights = textOf((await matchingWeightsInForce(now.getTime())).weights)
  const kept = recent.get(freelancerId)
  if (kept && kept.version === version && kept.weights === weights && now.getTime() < kept.until) return kept.answer
  const entry: Kept = { version, weights, until: Number.NEGATIVE_INFINITY, answer: Promise.resolve([]) }
  entry.answer = (async () => {
    const projects = await recommendProjects(freelancerId, now)
    entry.until = await unchangedUntil(freelancerId, now)
    return projects.slice(0, ON_DASHBOARD).map(asShown)
  })()
  recent.set(freelancerId, entry)
  // A failure is not kept: the next load tries again.
  entry.answer.catch(() => {
    if (recent.get(freelancerId) === entry) recent.delete(freelancerId)
  })
  return entry.answer
}

type OpenProjects = Awaited<ReturnType<typeof listOpenProjectsForFreelancer>>
const openProjectsKept = new LRUCache<string, { version: string; answer: Promise<OpenProjects> }>({ max: 5_000 })

/**
 * The dashboard's newest open projects for the freelancer's skills, and how many there are. They are
 * computed only from listed projects, their skills and the freelancer's skills, which the same version
 * covers (projects, project skills and skill names raise the search generation, the freelancer's
 * skills their own counter), so the answer is kept until one of them is written: three statements
 * were the largest part of the dashboard's loader.
 */
export async function dashboardOpenProjects(freelancerId: string, limit: number): Promise<OpenProjects> {
  const { version } = await inputsOf(freelancerId)
  const key = `${freelancerId}\u0000${limit}`
  const kept = openProjectsKept.get(key)
  if (kept?.version === version) return kept.answer
  const entry = { version, answer: listOpenProjectsForFreelancer(freelancerId, limit) }
  openProjectsKept.set(key, entry)
  entry.answer.catch(() => {
    if (openProjectsKept.get(key) === entry) openProjectsKept.delete(key)
  })
  return entry.answer
}

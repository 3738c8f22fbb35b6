/**
 * Recommendations as people would judge them: for ten projects of the search fixture
 * (app/test/search-relevance/) the freelancer anyone would call the obvious match is recommended
 * first, and that freelancer's own recommended projects start with it. Everyone's rate, availability
 * and record are alike, so the skills decide, as they should.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { findProject } from '~/models/projects.server'
import { recommendFreelancers, recommendProjects } from '~/services/ai/recommendations.server'
import { insertFixture } from './search-relevance/evaluate'

/** Project → its obvious freelancer (keys of projects.ts and freelancers.ts). */
const OBVIOUS: ReadonlyArray<[project: string, freelancer: string]> = [
  ['react-dashboard', 'maria-react'],
  ['react-native-app', 'li-rn'],
  ['k8s-migration', 'ivan-devops'],
  ['logo-bakery', 'omar-logo'],
  ['ui-ux-app', 'hannah-uiux'],
  ['ml-churn', 'david-ml'],
  ['csharp-dotnet', 'anna-dotnet'],
  ['seo-audit', 'alex-seo'],
  ['video-youtube', 'jake-video'],
  // The freelancer called Java writes JavaScript; the Java project is Peter's.
  ['java-spring', 'peter-java'],
]

let keys: Awaited<ReturnType<typeof insertFixture>>
const idOf = (map: Map<string, string>, key: string) => [...map].find(([, k]) => k === key)![0]

beforeAll(async () => {
  keys = await insertFixture()
})

describe('recommendations for ten obvious pairs', () => {
  it('recommends the obvious freelancer first for each project', async () => {
    const firsts = []
    for (const [project] of OBVIOUS) {
      const found = await recommendFreelancers((await findProject(idOf(keys.projects, project)))!)
      firsts.push([project, found.map((f) => keys.freelancers.get(f.id)).slice(0, 3)])
    }
    expect(firsts.map(([project, top]) => [project, top![0]])).toEqual(OBVIOUS)
  })

  it('recommends each of those freelancers their obvious project among their first two', async () => {
    // Two: some have two obvious projects (Ivan's AWS pipelines hold three of his skills, the Kubernetes
    // move two; Maria's dashboard and Next.js shop two each).
    const found = []
    for (const [project, freelancer] of OBVIOUS) {
      const top = (await recommendProjects(idOf(keys.freelancers, freelancer))).map((p) => keys.projects.get(p.id))
      found.push([freelancer, top.slice(0, 2).includes(project) ? project : top.slice(0, 3)])
    }
    expect(found).toEqual(OBVIOUS.map(([project, freelancer]) => [freelancer, project]))
  })
})

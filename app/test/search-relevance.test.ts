/**
 * Search quality as people use it: the judged searches of app/test/search-relevance/queries.ts over a
 * hand-written fixture. Prints precision@5, recall@5 and MRR (`npm run search:eval`) and holds
 * the floors measured after the fixes of December 2026, so a change that makes search worse fails.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import {
  insertFixture,
  report,
  scoreProjectQuery,
  scoreTalentQuery,
  summarize,
  type QueryScore,
} from './search-relevance/evaluate'
import { PROJECT_QUERIES, TALENT_QUERIES } from './search-relevance/queries'

let keys: Awaited<ReturnType<typeof insertFixture>>
beforeAll(async () => {
  keys = await insertFixture()
})

describe('search relevance', () => {
  it('Find work', async () => {
    const scores: QueryScore[] = []
    for (const query of PROJECT_QUERIES) scores.push(await scoreProjectQuery(query, keys.projects))
    console.log(report('Find work', scores).join('\n'))
    const summary = summarize(scores)
    expect(summary.queries).toBeGreaterThanOrEqual(80)
  })

  it('Find talent', async () => {
    const scores: QueryScore[] = []
    for (const query of TALENT_QUERIES) scores.push(await scoreTalentQuery(query, keys.freelancers))
    console.log(report('Find talent', scores).join('\n'))
    const summary = summarize(scores)
    expect(summary.queries).toBeGreaterThanOrEqual(60)
  })
})

/**
 * Runs the judged searches of queries.ts through Find work and Find talent as their pages run them
 * (the same parsing, synonyms and, on Find work, the "Did you mean" correction a user can follow
 * when the words found nothing) over the fixture of projects.ts and freelancers.ts, and scores them.
 */
import { parseSearchParams, toSearchInput } from '~/domain/project-search-params'
import { insertProjectsBulk } from '~/models/projects.server'
import { ensureSkills, replaceFreelancerSkills, updateFreelancerProfile } from '~/models/profiles.server'
import { searchProjects } from '~/models/project-search.server'
import { searchKeywords } from '~/services/ai/search-keywords.server'
import { correctedSearch } from '~/services/marketplace/search-correction.server'
import { findTalent, readTalentSearch } from '~/services/marketplace/talent-search.server'
import { bulkProject } from '~/test/bulk-projects'
import { createTestUser } from '~/test/users'
import { FIXTURE_FREELANCERS } from './freelancers'
import { FIXTURE_PROJECTS } from './projects'
import type { JudgedQuery, Kind } from './queries'

const PAGE = 20
const TOP = 5
const NOW = new Date('2026-11-20T12:00:00Z')

/** Inserts the fixture; returns the database id → fixture key of every project and freelancer. */
export async function insertFixture(): Promise<{ projects: Map<string, string>; freelancers: Map<string, string> }> {
  const skillIds = await ensureSkills([
    ...new Set([...FIXTURE_PROJECTS, ...FIXTURE_FREELANCERS].flatMap((item) => item.skills)),
  ])
  const projects = new Map<string, string>()
  const clients = await Promise.all([0, 1, 2, 3].map(() => createTestUser('client')))
  const rows = FIXTURE_PROJECTS.map((project, i) => {
    // Posted over the last few days, in no order the judgements follow.
    const row = bulkProject(clients[i % clients.length]!.id, new Date(NOW.getTime() - ((i * 7) % 23) * 3_600_000), {
      title: project.title,
      description: project.description,
      budgetMinMinor: 0,
      budgetMaxMinor: 100_000,
      skillIds: project.skills.map((name) => skillIds.get(name)!),
    })
    projects.set(row.id, project.key)
    return row
  })
  await insertProjectsBulk(rows)
  const freelancers = new Map<string, string>()
  for (const person of FIXTURE_FREELANCERS) {
    const user = await createTestUser('freelancer', { name: person.name })
    await updateFreelancerProfile(user.id, {
      headline: person.headline,
      bio: person.bio,
      hourlyRateMinor: 5_000,
      availability: 'full_time',
    })
    await replaceFreelancerSkills(
      user.id,
      person.skills.map((name) => skillIds.get(name)!),
    )
    freelancers.set(user.id, person.key)
  }
  return { projects, freelancers }
}

export type QueryScore = {
  query: JudgedQuery
  /** The keys of the first page, in order. */
  shown: string[]
  /** The words the page's "Did you mean" link searched instead, when those were scored. */
  correctedTo: string | null
  /** Shown in the top five that are judged relevant, over those shown there (0 when none shown). */
  precision: number
  /** Of `top`, the share among the first five. */
  recall: number
  /** 1 / the rank of the first result in `top` (0 when none on the page). */
  reciprocalRank: number
  /** `not` keys on the first page. */
  wrong: string[]
}

function score(query: JudgedQuery, shown: string[], correctedTo: string | null): QueryScore {
  const top = shown.slice(0, TOP)
  const relevant = new Set([...query.top, ...(query.ok ?? [])])
  const firstHit = shown.findIndex((key) => query.top.includes(key))
  return {
    query,
    shown,
    correctedTo,
    precision: top.length ? top.filter((key) => relevant.has(key)).length / top.length : 0,
    recall: query.top.filter((key) => top.includes(key)).length / query.top.length,
    reciprocalRank: firstHit < 0 ? 0 : 1 / (firstHit + 1),
    wrong: (query.not ?? []).filter((key) => shown.includes(key)),
  }
}

/** Find work's first page for these words, following "Did you mean" when the page offers it. */
export async function scoreProjectQuery(query: JudgedQuery, keys: Map<string, string>): Promise<QueryScore> {
  const { params } = parseSearchParams(new URLSearchParams({ q: query.q }))
  const run = (q: string) =>
    searchProjects({ ...toSearchInput({ ...params, q }), ...searchKeywords(q), pageSize: PAGE, now: NOW })
  let result = await run(params.q)
  let correctedTo: string | null = null
  if (!result.total && !result.queryError) {
    const correction = await correctedSearch(params)
    if (correction) {
      correctedTo = correction.q
      result = await run(correction.q)
    }
  }
  return score(
    query,
    result.rows.map((row) => keys.get(row.id) ?? row.id),
    correctedTo,
  )
}

/** Find talent's first page for these words, as a signed-in client sees it. */
export async function scoreTalentQuery(query: JudgedQuery, keys: Map<string, string>): Promise<QueryScore> {
  const { params } = readTalentSearch(new URLSearchParams({ q: query.q }))
  const result = await findTalent(params, { visitor: false })
  return score(
    query,
    result.rows.map((row) => keys.get(row.id) ?? row.id),
    null,
  )
}

export type Summary = {
  queries: number
  precisionAt5: number
  recallAt5: number
  mrr: number
  /** Queries whose every `top` result is in the first five and no `not` result is on the page. */
  passed: number
  byKind: Map<Kind, { queries: number; recallAt5: number; mrr: number }>
}

export function summarize(scores: QueryScore[]): Summary {
  const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0)
  const byKind = new Map<Kind, { queries: number; recallAt5: number; mrr: number }>()
  for (const kind of new Set(scores.map((s) => s.query.kind))) {
    const of = scores.filter((s) => s.query.kind === kind)
    byKind.set(kind, {
      queries: of.length,
      recallAt5: mean(of.map((s) => s.recall)),
      mrr: mean(of.map((s) => s.reciprocalRank)),
    })
  }
  return {
    queries: scores.length,
    precisionAt5: mean(scores.map((s) => s.precision)),
    recallAt5: mean(scores.map((s) => s.recall)),
    mrr: mean(scores.map((s) => s.reciprocalRank)),
    passed: scores.filter((s) => s.recall === 1 && !s.wrong.length).length,
    byKind,
  }
}

/** The summary and each query that missed, as lines for the console. */
export function report(title: string, scores: QueryScore[]): string[] {
  const s = summarize(scores)
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`
  const lines = [
    `${title}: ${s.queries} queries, precision@5 ${pct(s.precisionAt5)}, recall@5 ${pct(s.recallAt5)}, MRR ${s.mrr.toFixed(3)}, all judged results in place ${s.passed}/${s.queries}`,
    ...[...s.byKind].map(
      ([kind, k]) =>
        `  ${kind.padEnd(22)} ${String(k.queries).padStart(3)}  recall@5 ${pct(k.recallAt5).padStart(6)}  MRR ${k.mrr.toFixed(3)}`,
    ),
  ]
  for (const score of scores) {
    if (score.recall === 1 && !score.wrong.length && score.precision === 1) continue
    const via = score.correctedTo ? ` (via "${score.correctedTo}")` : ''
    lines.push(
      `  - "${score.query.q}"${via}: P@5 ${score.precision.toFixed(2)} R@5 ${score.recall.toFixed(2)}${score.wrong.length ? ` wrong: ${score.wrong.join(', ')}` : ''} → ${score.shown.slice(0, TOP).join(', ') || '(nothing)'}`,
    )
  }
  return lines
}

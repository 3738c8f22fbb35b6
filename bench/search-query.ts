/**
 * Server time of the project search itself: runs searchProjects() over the database in
 * DATABASE_PATH (one built by `npm run seed:large`) and prints p50/p95/p99 per query shape,
 * "warm" as in production (facet counts kept while no project, project skill or skill name has
 * changed; client ratings always read afresh) and "cold" (every kept count forgotten before each call).
 *
 *   DATABASE_PATH=data/large.db npx tsx bench/search-query.ts
 *   (BENCH_ITERATIONS, default 200; BENCH_SEARCH_CASES=1,2 only those cases;
 *    BENCH_SEARCH_JSON=<file> also writes the figures as JSON)
 */
import fs from 'node:fs'
import os from 'node:os'
import { closeDb } from '~/models/db.server'
import { forgetSearchCaches, searchProjects } from '~/models/project-search.server'
import type { ProjectSearchInput } from '~/models/project-search/types'
import { searchKeywords } from '~/services/ai/search-keywords.server'

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200)

/** The first case is the one the target (p95 ≤ 20 ms) is about: two words and two facets. */
export const SEARCH_CASES: Array<{ label: string; input: ProjectSearchInput }> = [
  { label: 'two words + skill + type', input: { q: 'react dashboard', skills: ['React'], budgetType: 'fixed' } },
  {
    label: 'two words + type + posted 30 days',
    input: { q: 'python reports', budgetType: 'hourly', postedWithinDays: 30 },
  },
  { label: 'two words + client rating 4+', input: { q: 'landing page', clientRatingMin: 4 } },
  { label: 'two words, no facets', input: { q: 'landing page' } },
  { label: 'one common word, prefix', input: { q: 'proj' } },
  { label: 'no text, newest', input: { sort: 'newest' } },
  { label: 'no text, skill + type', input: { skills: ['React'], budgetType: 'fixed' } },
  // What `npm run load` searches: one common word (25,000 hits on the large seed), a skill and a type.
  { label: 'one broad word + skill + type', input: { q: 'design', skills: ['Figma'], budgetType: 'fixed' } },
]

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN
}

export type CaseResult = {
  label: string
  mode: 'warm' | 'cold'
  total: number
  p50: number
  p95: number
  p99: number
  cpuP50: number
  cpuP95: number
  iterations: number
}

/**
 * Wall time, and CPU time of this process (user + system) for the same calls: on a machine shared
 * with other busy work the wall time includes waiting for a CPU; the CPU time does not.
 */
async function measure(input: ProjectSearchInput, cold: boolean, iterations: number) {
  const times: number[] = []
  const cpu: number[] = []
  let total = 0
  for (let i = 0; i < iterations; i++) {
    if (cold) forgetSearchCaches()
    const cpuStart = process.cpuUsage()
    const start = performance.now()
    // The words as Find work reads them (skills they name, misspelt skills, words left out): part of the time.
    const result = await searchProjects({ ...input, ...(input.q ? searchKeywords(input.q) : {}), page: 1 + (i % 3) })
    times.push(performance.now() - start)
    const used = process.cpuUsage(cpuStart)
    cpu.push((used.user + used.system) / 1000)
    total = result.total
  }
  times.sort((a, b) => a - b)
  cpu.sort((a, b) => a - b)
  return {
    total,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    cpuP50: percentile(cpu, 50),
    cpuP95: percentile(cpu, 95),
  }
}

async function main() {
  console.log(
    `searchProjects() on ${process.env.DATABASE_PATH}, ${ITERATIONS} calls per case and mode (pages 1–3), after 20 warm-up calls`,
  )
  console.log(
    `load average ${os.loadavg()[0]?.toFixed(2)} on ${os.cpus().length} CPUs (wall times include waiting for a CPU; cpu times do not)`,
  )
  console.log(
    ['case', 'mode', 'matches', 'p50 ms', 'p95 ms', 'p99 ms', 'cpu p50', 'cpu p95']
      .map((c, i) => (i ? c.padStart(9) : c.padEnd(36)))
      .join(''),
  )
  const results: CaseResult[] = []
  // BENCH_SEARCH_CASES=1,3 measures only those cases (1-based).
  const only = process.env.BENCH_SEARCH_CASES?.split(',').map(Number)
  for (const [index, { label, input }] of SEARCH_CASES.entries()) {
    if (only && !only.includes(index + 1)) continue
    for (let i = 0; i < 20; i++) await searchProjects(input)
    // Broad cold searches take long; fewer calls keep the run short.
    const slow = !input.q || !input.q.includes(' ')
    for (const mode of ['warm', 'cold'] as const) {
      const iterations = mode === 'cold' && slow ? Math.min(ITERATIONS, 20) : ITERATIONS
      const r = await measure(input, mode === 'cold', iterations)
      results.push({ label, mode, iterations, ...r })
      console.log(
        [
          label.padEnd(36),
          mode.padStart(9),
          String(r.total).padStart(9),
          ...[r.p50, r.p95, r.p99, r.cpuP50, r.cpuP95].map((v) => v.toFixed(2).padStart(9)),
        ].join(''),
      )
    }
  }
  if (process.env.BENCH_SEARCH_JSON)
    fs.writeFileSync(process.env.BENCH_SEARCH_JSON, `${JSON.stringify(results, null, 2)}\n`)
}

main()
  .catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
  .finally(closeDb)

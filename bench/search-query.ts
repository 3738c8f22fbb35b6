/**
 * Server time of the project search itself: runs searchProjects() over the database in
 * DATABASE_PATH (e.g. one built by `npm run seed:large`) and prints p50/p95/p99 per query shape.
 *
 *   DATABASE_PATH=… npx tsx bench/search-query.ts      (BENCH_ITERATIONS, default 300)
 */
import { closeDb } from '~/models/db.server'
import { searchProjects, type ProjectSearchInput } from '~/models/project-search.server'

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300)

export const SEARCH_CASES: Array<{ label: string; input: ProjectSearchInput }> = [
  { label: 'two words + skill + type', input: { q: 'react dashboard', skills: ['TypeScript'], budgetType: 'fixed' } },
  { label: 'two words + type + posted 30 days', input: { q: 'python reports', budgetType: 'hourly', postedWithinDays: 30 } },
  { label: 'two words, no facets', input: { q: 'landing page' } },
  { label: 'one common word, prefix', input: { q: 'proj' } },
  { label: 'no text, newest', input: { sort: 'newest' } },
  { label: 'no text, skill + type', input: { skills: ['React'], budgetType: 'fixed' } },
]

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN
}

async function main() {
  console.log(`searchProjects() × ${ITERATIONS} per case (after 20 warm-up calls)`)
  console.log(['case', 'total', 'p50 ms', 'p95 ms', 'p99 ms'].join('\t'))
  for (const { label, input } of SEARCH_CASES) {
    for (let i = 0; i < 20; i++) await searchProjects(input)
    const times: number[] = []
    let total = 0
    for (let i = 0; i < ITERATIONS; i++) {
      const start = performance.now()
      const result = await searchProjects({ ...input, page: 1 + (i % 3) })
      times.push(performance.now() - start)
      total = result.total
    }
    times.sort((a, b) => a - b)
    console.log([label, total, ...[50, 95, 99].map((p) => percentile(times, p).toFixed(2))].join('\t'))
  }
}

main()
  .catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
  .finally(closeDb)

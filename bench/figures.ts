/**
 * The figures of issue 20 item 6, each against its target, from one `npm run bench` run (so every
 * ratio is to the floor of the same run). Pure: bench/run.ts measures, this compares and prints.
 */
import { CALL_PAGE_ROUTES } from './js-weight'

type PageRun = { target: string; round: number; requestsPerSecond: { mean: number }; cpuMsPerRequest?: number | null }
type SearchRun = { target: string; latencyMs: { p95: number }; cpuMsPerRequest?: number | null }
type SearchCase = { label: string; mode: 'warm' | 'cold'; p95: number; cpuP95?: number }
type PageWeight = {
  kind: string
  route: string
  gzipBytes: number
  onIntent?: { label: string; gzipBytes: number }[]
}

export type Figure = { figure: string; measured: string; target: string; met: boolean | null }

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** Each dashboard's requests/s over the floor's, per alternating round, and their median. */
export function dashboardRatios(pages: PageRun[], dashboards: string[]): Figure[] {
  return dashboards.flatMap((dashboard) => {
    const rounds = [...new Set(pages.map((page) => page.round))]
    const ratios = rounds.flatMap((round) => {
      const floor = pages.find((page) => page.round === round && page.target === 'floor')
      const page = pages.find((p) => p.round === round && p.target === dashboard)
      return floor && page && floor.requestsPerSecond.mean > 0
        ? [page.requestsPerSecond.mean / floor.requestsPerSecond.mean]
        : []
    })
    if (!ratios.length) return []
    const value = median(ratios)
    // The same comparison in server CPU per request (floor's ÷ the dashboard's), which other work on
    // the machine disturbs far less than requests/s.
    const cpu = (target: string) =>
      pages.filter((page) => page.target === target).flatMap((page) => page.cpuMsPerRequest ?? [])
    const [floorCpu, pageCpu] = [cpu('floor'), cpu(dashboard)]
    const cpuNote =
      floorCpu.length && pageCpu.length
        ? `; CPU/req ${median(floorCpu).toFixed(2)} → ${median(pageCpu).toFixed(2)} ms = ${(median(floorCpu) / median(pageCpu)).toFixed(2)}×`
        : ''
    return [
      {
        figure: `${dashboard} dashboard ÷ floor, req/s (median of ${ratios.length}: ${ratios.map((r) => r.toFixed(2)).join(', ')}${cpuNote})`,
        measured: `${value.toFixed(2)}×`,
        target: '≥ 0.80×',
        met: value >= 0.8,
      },
    ]
  })
}

/** Requests/s of one page with one web worker (median of the rounds) and with two. */
export function workerFigures(pages: PageRun[], target: string, twoWorkers: number | null): Figure[] {
  const one = pages.filter((page) => page.target === target).map((page) => page.requestsPerSecond.mean)
  if (!one.length || twoWorkers === null) return []
  const single = median(one)
  return [
    {
      figure: `${target} req/s with 1 web worker → 2 web workers`,
      measured: `${single.toFixed(1)} → ${twoWorkers.toFixed(1)} (${(twoWorkers / single).toFixed(2)}×)`,
      target: 'more with 2 (2 cores)',
      met: twoWorkers > single,
    },
  ]
}

export function searchFigures(page: SearchRun | undefined, cases: SearchCase[] | null): Figure[] {
  const figures: Figure[] = []
  if (page)
    figures.push({
      figure: `Find work page over HTTP, large seed, p95${page.cpuMsPerRequest ? ` (CPU ${page.cpuMsPerRequest.toFixed(1)} ms/req)` : ''}`,
      measured: `${page.latencyMs.p95.toFixed(1)} ms`,
      target: '≤ 30 ms',
      met: page.latencyMs.p95 <= 30,
    })
  for (const cold of (cases ?? []).filter((c) => c.mode === 'cold'))
    figures.push({
      figure: `search, cold caches, p95: ${cold.label}${cold.cpuP95 === undefined ? '' : ` (CPU p95 ${cold.cpuP95.toFixed(1)} ms)`}`,
      measured: `${cold.p95.toFixed(1)} ms`,
      target: '≤ 15 ms',
      met: cold.p95 <= 15,
    })
  return figures
}

/** The talent search page (/freelancers) over HTTP on the large seed: four searches in turn. */
export function talentFigures(page: SearchRun | undefined): Figure[] {
  if (!page) return []
  return [
    {
      figure: `Find talent page over HTTP, large seed, p95 of no words / a word / a skill / a rate range${page.cpuMsPerRequest ? ` (CPU ${page.cpuMsPerRequest.toFixed(1)} ms/req)` : ''}`,
      measured: `${page.latencyMs.p95.toFixed(1)} ms`,
      target: '≤ 30 ms',
      met: page.latencyMs.p95 <= 30,
    },
  ]
}

export function jsWeightFigures(pages: PageWeight[]): Figure[] {
  const limit = 110 * 1024
  const counted = pages.filter((page) => !CALL_PAGE_ROUTES.includes(page.route))
  if (!counted.length) return []
  const heaviest = counted.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a))
  const over = counted.filter((page) => page.gzipBytes > limit)
  const figures: Figure[] = [
    {
      figure: `JavaScript per page on load, gzip: heaviest non-call page (${heaviest.kind}); ${over.length} of ${counted.length} kinds over${over.length ? ` (${over.map((page) => page.kind).join(', ')})` : ''}`,
      measured: `${(heaviest.gzipBytes / 1024).toFixed(1)} KB`,
      target: '≤ 110 KB',
      met: over.length === 0,
    },
  ]
  // What a page fetches only on the reader's intent is not in its weight on load: said apart, with no target.
  const labels = [...new Set(counted.flatMap((page) => (page.onIntent ?? []).map((chunk) => chunk.label)))]
  for (const label of labels) {
    const pagesWith = counted.filter((page) => page.onIntent?.some((chunk) => chunk.label === label))
    const bytes = Math.max(
      ...pagesWith.flatMap((page) => page.onIntent!.filter((c) => c.label === label).map((c) => c.gzipBytes)),
    )
    const heaviestWith = Math.max(...pagesWith.map((page) => page.gzipBytes))
    figures.push({
      figure: `${label}, not on load (${pagesWith.map((page) => page.kind).join(', ')}; on load at most ${(heaviestWith / 1024).toFixed(1)} KB)`,
      measured: `${(bytes / 1024).toFixed(1)} KB`,
      target: 'apart',
      met: null,
    })
  }
  return figures
}

export function printFigures(figures: Figure[], loadAverage: [number, number]): void {
  console.log(
    `\nIssue 20 item 6, against target (load average ${loadAverage[0].toFixed(2)} at the start, ${loadAverage[1].toFixed(2)} at the end)`,
  )
  const width = Math.max(...figures.map((f) => f.figure.length))
  for (const f of figures) {
    const verdict = f.met === null ? '' : f.met ? 'met' : 'MISSED'
    console.log(`${f.figure.padEnd(width)}  ${f.measured.padStart(22)}  ${f.target.padEnd(22)} ${verdict}`)
  }
}

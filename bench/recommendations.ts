/**
 * Recommendation cost (issue 19), in-process on BENCH_RECOMMENDATIONS_DB (default data/large.db,
 * built by `npm run seed:large`), in a child process so the database is chosen once:
 *  - recommended freelancers for an open project (recommendFreelancers), target p95 ≤ 30 ms;
 *  - recommended projects for a freelancer (recommendProjects), target p95 ≤ 30 ms;
 *  - skill suggestions for a 300-word description (suggestSkills), target p95 ≤ 10 ms;
 *  - the freelancer dashboard's "open projects for your skills" (listOpenProjectsForFreelancer: the exact
 *    count and the newest five), for the freelancers with the most matches, target p95 ≤ 2 ms.
 * Each over BENCH_RECOMMENDATION_ITERATIONS different subjects (default 200) after a warm-up, with
 * wall and CPU time (on a shared machine the wall time includes waiting for a CPU).
 *
 *   npx tsx bench/recommendations.ts        (`npm run bench` runs it too)
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const ITERATIONS = Number(process.env.BENCH_RECOMMENDATION_ITERATIONS ?? 200)
const TARGETS = {
  freelancersForProject: 30,
  projectsForFreelancer: 30,
  skillSuggestions: 10,
  openProjectsForSkills: 2,
} as const
type Part = keyof typeof TARGETS

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN
}

async function timed<T>(subjects: T[], run: (subject: T) => Promise<unknown> | unknown) {
  for (const subject of subjects.slice(0, 10)) await run(subject)
  const wall: number[] = []
  const cpu: number[] = []
  for (const subject of subjects) {
    const since = process.cpuUsage()
    const start = performance.now()
    await run(subject)
    wall.push(performance.now() - start)
    const used = process.cpuUsage(since)
    cpu.push((used.user + used.system) / 1000)
  }
  wall.sort((a, b) => a - b)
  cpu.sort((a, b) => a - b)
  return {
    runs: subjects.length,
    p50: percentile(wall, 50),
    p95: percentile(wall, 95),
    cpuP95: percentile(cpu, 95),
  }
}

/** A 300-word project description made of real project briefs of the database, different each time. */
function descriptions(briefs: string[], count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const words: string[] = []
    for (let j = i; words.length < 300; j += 7) words.push(...briefs[j % briefs.length]!.split(/\s+/))
    return words.slice(0, 300).join(' ')
  })
}

async function measure() {
  const { getDb } = await import('~/models/db.server')
  const { findProject } = await import('~/models/projects.server')
  const { recommendFreelancers, recommendProjects } = await import('~/services/ai/recommendations.server')
  const { suggestSkills } = await import('~/services/ai/semantic-skills.server')
  const { listOpenProjectsForFreelancer } = await import('~/models/dashboard-stats.server')
  const sqlite = getDb().$client
  const every = (table: string, where: string) =>
    Math.max(
      1,
      Math.floor(
        (sqlite.prepare(`select count(*) as n from ${table} where ${where}`).get() as { n: number }).n / ITERATIONS,
      ),
    )
  const projectIds = (
    sqlite
      .prepare(
        `select id from (select id, row_number() over (order by id) as n from projects where status = 'open' and hidden_at is null)
          where n % ? = 0 limit ?`,
      )
      .all(every('projects', `status = 'open' and hidden_at is null`), ITERATIONS) as { id: string }[]
  ).map((row) => row.id)
  const freelancerIds = (
    sqlite
      .prepare(
        `select id from (select id, row_number() over (order by id) as n from users where role = 'freelancer')
          where n % ? = 0 limit ?`,
      )
      .all(every('users', `role = 'freelancer'`), ITERATIONS) as { id: string }[]
  ).map((row) => row.id)
  // The freelancers whose skills have the most listed projects between them (the dearest dashboards).
  const mostMatched = sqlite
    .prepare(
      `with per_skill as (select skill_id, count(*) as n from listed_project_skills group by skill_id)
       select fs.user_id from freelancer_skills fs join per_skill p on p.skill_id = fs.skill_id
        group by fs.user_id order by sum(p.n) desc, fs.user_id limit ?`,
    )
    .pluck()
    .all(ITERATIONS) as string[]
  const briefs = (sqlite.prepare(`select description from projects limit 400`).all() as { description: string }[]).map(
    (row) => row.description,
  )
  const projects = (await Promise.all(projectIds.map((id) => findProject(id)))).filter((p) => p !== undefined)
  return {
    freelancersForProject: await timed(projects, (project) => recommendFreelancers(project)),
    projectsForFreelancer: await timed(freelancerIds, (id) => recommendProjects(id)),
    skillSuggestions: await timed(descriptions(briefs, ITERATIONS), (text) => suggestSkills(text)),
    openProjectsForSkills: await timed(mostMatched, (id) => listOpenProjectsForFreelancer(id, 5)),
  }
}

type Figures = Awaited<ReturnType<typeof measure>>

const LABELS: Record<Part, string> = {
  freelancersForProject: 'recommended freelancers for a project',
  projectsForFreelancer: 'recommended projects for a freelancer',
  skillSuggestions: 'skill suggestions, 300-word description',
  openProjectsForSkills: 'open projects for a freelancer’s skills',
}

/** Runs the measurement in a child on the large database and prints each figure against its target. */
export function runRecommendationsBench() {
  console.log(`\nRecommendations (bench/recommendations.ts)`)
  const database = path.resolve(ROOT, process.env.BENCH_RECOMMENDATIONS_DB ?? 'data/large.db')
  if (!fs.existsSync(database)) {
    console.log(`  no ${database} (npm run seed:large, or set BENCH_RECOMMENDATIONS_DB); not measured`)
    return null
  }
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/recommendations.ts', 'measure'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: database, LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  })
  if (run.status !== 0) {
    console.error(`bench/recommendations.ts failed:\n${run.stderr}`)
    return null
  }
  const figures = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Figures
  for (const part of Object.keys(TARGETS) as Part[]) {
    const f = figures[part]
    const met = f.p95 <= TARGETS[part] ? 'met' : 'MISSED'
    console.log(
      `  ${LABELS[part].padEnd(40)} p50 ${f.p50.toFixed(2)} ms, p95 ${f.p95.toFixed(2)} ms (target ≤ ${TARGETS[part]} ms: ${met}); p95 CPU ${f.cpuP95.toFixed(2)} ms; ${f.runs} runs`,
    )
  }
  return { database: path.relative(ROOT, database), targetsMs: TARGETS, ...figures }
}

if (process.argv[2] === 'measure') {
  console.log(JSON.stringify(await measure()))
} else if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  runRecommendationsBench()
}

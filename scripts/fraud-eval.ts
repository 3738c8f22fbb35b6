import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { firstScenarioProblem, ScenarioSchema } from '~/services/fraud/scenario-format'

/**
 * `npm run fraud:eval -- FILE`: loads a labelled scenario into a fresh temporary database through
 * the models, screens each event and runs the sweep as the app does, then prints precision, recall
 * and F1 of the alerts in that database against the labels.
 */
const file = process.argv[2]
if (!file) {
  console.error('Usage: npm run fraud:eval -- <scenario.json>')
  process.exit(1)
}
let raw: unknown
try {
  raw = JSON.parse(fs.readFileSync(file, 'utf8'))
} catch (error) {
  console.error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
const parsed = ScenarioSchema.safeParse(raw)
if (!parsed.success) {
  console.error(`${file} is not a valid scenario: ${firstScenarioProblem(parsed.error)}`)
  process.exit(1)
}
const scenario = parsed.data

// The database is chosen on first use, so it is set before the models load.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'megilance-fraud-eval-'))
process.env.DATABASE_PATH = path.join(dir, 'eval.db')
process.env.LOG_LEVEL ??= 'warn'
const { closeDb } = await import('~/models/db.server')
const { listScenarioAlerts } = await import('~/models/fraud-scenario.server')
const { loadScenario } = await import('./fraud/load-scenario')
const { scoreAlerts } = await import('./fraud/evaluate')
try {
  const started = performance.now()
  const loaded = await loadScenario(scenario)
  const alerts = await listScenarioAlerts()
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(
    `Scenario seed ${scenario.seed}: ${scenario.accounts.length} accounts, ${loaded.records} records stored in a temporary database, ${loaded.screened} events screened, then the sweep; ${alerts.length} alerts (${seconds} s)`,
  )
  if (loaded.skipped) console.log(`Skipped ${loaded.skipped} email changes: the app records no such event yet.`)
  console.log('type                  alerts  right  cases  found  precision  recall  F1')
  for (const s of scoreAlerts(alerts, scenario.labels)) {
    console.log(
      `${s.type.padEnd(20)} ${String(s.alerts).padStart(7)} ${String(s.truePositives).padStart(6)} ${String(s.cases).padStart(6)} ${String(s.found).padStart(6)} ${s.precision.toFixed(3).padStart(10)} ${s.recall.toFixed(3).padStart(7)} ${s.f1.toFixed(3).padStart(5)}`,
    )
  }
} finally {
  closeDb()
  fs.rmSync(dir, { recursive: true, force: true })
}

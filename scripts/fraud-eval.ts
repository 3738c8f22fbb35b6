import fs from 'node:fs'
import { firstScenarioProblem, ScenarioSchema } from '~/services/fraud/scenario-format'
import { replayScenario, scoreAlerts } from './fraud/evaluate'

/** `npm run fraud:eval -- FILE`: precision, recall and F1 of the detectors on a labelled scenario. */
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
const started = performance.now()
const { alerts, events } = replayScenario(parsed.data)
const seconds = ((performance.now() - started) / 1000).toFixed(1)
console.log(
  `Scenario seed ${parsed.data.seed}: ${parsed.data.accounts.length} accounts, ${events} events replayed, ${alerts.length} alerts (${seconds} s)`,
)
console.log('type                  alerts  right  cases  found  precision  recall  F1')
for (const s of scoreAlerts(alerts, parsed.data.labels)) {
  console.log(
    `${s.type.padEnd(20)} ${String(s.alerts).padStart(7)} ${String(s.truePositives).padStart(6)} ${String(s.cases).padStart(6)} ${String(s.found).padStart(6)} ${s.precision.toFixed(3).padStart(10)} ${s.recall.toFixed(3).padStart(7)} ${s.f1.toFixed(3).padStart(5)}`,
  )
}

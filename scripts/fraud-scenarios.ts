import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { generateScenario } from './fraud/generate-scenario'

/** `npm run fraud:scenarios -- --seed N --out FILE`: writes a labelled fraud scenario (README: Fraud desk). */
const { values } = parseArgs({ options: { seed: { type: 'string' }, out: { type: 'string' } } })
const seed = Number(values.seed)
if (!Number.isInteger(seed) || !values.out) {
  console.error('Usage: npm run fraud:scenarios -- --seed <integer> --out <file.json>')
  process.exit(1)
}
const scenario = generateScenario(seed)
fs.writeFileSync(values.out, `${JSON.stringify(scenario, null, 1)}\n`)
console.log(
  `Wrote ${values.out}: ${scenario.accounts.length} accounts, ${scenario.labels.length} planted cases, seed ${seed}.`,
)

/**
 * `npm run ai:eval`: each model's measured quality on a time-split holdout of the database it runs on
 * (DATABASE_PATH; the npm script defaults it to data/large.db). Every module in scripts/ai-eval/
 * prints one section; the matching and success sections come first, the others by file name.
 *
 * A section module's contract: `export async function evaluate(db: DB): Promise<EvalSection>`,
 * fitting only on the older part of the data and measuring only on the newer part.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { closeDb, getDb, type DB } from '~/models/db.server'
import { getEnv } from '~/utils/env.server'

export type EvalSection = { name: string; lines: string[] }
type EvalModule = { evaluate: (db: DB) => Promise<EvalSection> }

const FIRST = ['matching.ts', 'success.ts']

async function main() {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'ai-eval')
  const files = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .sort((a, b) => (FIRST.indexOf(a) + 1 || 99) - (FIRST.indexOf(b) + 1 || 99) || a.localeCompare(b))
  console.log(`Evaluating on ${getEnv().DATABASE_PATH} (time-split holdout: fitted on older data, measured on newer)`)
  for (const file of files) {
    const started = performance.now()
    const mod = (await import(path.join(dir, file))) as Partial<EvalModule>
    if (typeof mod.evaluate !== 'function') throw new Error(`scripts/ai-eval/${file} exports no evaluate(db)`)
    const section = await mod.evaluate(getDb())
    console.log(`\n## ${section.name} (${((performance.now() - started) / 1000).toFixed(1)} s)`)
    for (const line of section.lines) console.log(`  ${line}`)
  }
}

main()
  .catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
  .finally(() => closeDb())

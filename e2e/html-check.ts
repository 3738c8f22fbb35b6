import fs from 'node:fs'
import path from 'node:path'
import { validateHtmlFiles } from '../scripts/validate-html'
import { pageHtmlDir } from './page-html'

/**
 * Global setup: empties the folder the no-js tests fill with page HTML (e2e/page-html.ts). Its
 * teardown runs the Nu HTML Checker over all of it at once and fails the run on any error.
 */
export default function htmlCheck() {
  const dir = pageHtmlDir()
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  return async () => {
    const files = fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.html'))
      .map((name) => path.join(dir, name))
    const problems = await validateHtmlFiles(files)
    if (!problems.length) return
    const lines = problems.map((problem) => {
      const urlFile = `${problem.file}.url`
      const url = fs.existsSync(urlFile) ? fs.readFileSync(urlFile, 'utf8') : problem.file
      return `  ${url} (${path.basename(problem.file)}) line ${problem.line}: ${problem.message}\n      ${problem.extract ?? ''}`
    })
    throw new Error(
      `The Nu HTML Checker found ${problems.length} errors in ${files.length} pages (HTML kept in ${dir}):\n${lines.join('\n')}`,
    )
  }
}

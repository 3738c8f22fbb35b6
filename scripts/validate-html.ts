import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const VNU_JAR = fileURLToPath(new URL('../node_modules/vnu-jar/build/dist/vnu.jar', import.meta.url))

export type HtmlProblem = { file: string; line?: number; message: string; extract?: string }

type VnuMessage = { type: string; url?: string; lastLine?: number; message: string; extract?: string }

/**
 * Runs the Nu HTML Checker (the W3C validator) over `files` in one JVM start (about 1.5 s) and
 * returns its errors; warnings are not reported. Nothing is filtered (`--filterpattern`): every
 * error it found on the app's pages was a real one. Throws when Java or the checker cannot run.
 */
export async function validateHtmlFiles(files: string[]): Promise<HtmlProblem[]> {
  if (!files.length) return []
  const args = ['-jar', VNU_JAR, '--errors-only', '--exit-zero-always', '--format', 'json', '--stdout']
  let stdout: string
  try {
    ;({ stdout } = await promisify(execFile)('java', [...args, ...files], { maxBuffer: 64 * 1024 * 1024 }))
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'java is not installed' : String(error)
    throw new Error(`The HTML check could not run (${reason}); install default-jre-headless.`)
  }
  const { messages } = JSON.parse(stdout) as { messages: VnuMessage[] }
  return messages
    .filter((m) => m.type === 'error' || m.type === 'non-document-error')
    .map((m) => ({
      file: m.url ? fileURLToPath(m.url) : '(checker)',
      line: m.lastLine,
      message: m.message,
      extract: m.extract,
    }))
}

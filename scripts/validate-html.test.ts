import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { validateHtmlFiles } from './validate-html'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-html-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

function page(name: string, body: string): string {
  const file = path.join(dir, name)
  fs.writeFileSync(file, `<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`)
  return file
}

describe('validateHtmlFiles', () => {
  it('reports each error with its file, and nothing for a valid page', async () => {
    const valid = page('valid.html', '<dl><div><dt>Balance</dt><dd>$0</dd></div></dl>')
    const invalid = page('invalid.html', '<div><dt>Balance</dt></div>\n<input type="hidden" name="q" required>')
    const problems = await validateHtmlFiles([valid, invalid])
    expect(problems.map((p) => p.file)).not.toContain(valid)
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: invalid, line: 1, message: expect.stringMatching(/“dt” not allowed/) }),
        expect.objectContaining({ file: invalid, line: 2, message: expect.stringMatching(/“required” not allowed/) }),
      ]),
    )
  }, 120_000) // a JVM start, slow on a busy machine

  it('has nothing to say about no files', async () => {
    expect(await validateHtmlFiles([])).toEqual([])
  })
})

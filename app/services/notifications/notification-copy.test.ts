import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/**
 * Notification titles and bodies quote what they are about (a project, a contract, a milestone)
 * the way the rest of the product's copy does: curly double quotes, “Online shop”, and ’ as the
 * apostrophe. This reads every module that writes notifications and lists each text in it that
 * holds a straight quote (" or ') or a single curly opening quote (‘).
 */
const SERVICES = join(import.meta.dirname, '..')
const WRITES_NOTIFICATIONS = /from '[^']*(?:notify|-notices)\.server'/
const OFF_STYLE = /["'‘]/

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

/** The modules that write notifications: they call notify, or a helper module that does. */
function notificationModules(): string[] {
  return sourceFiles(SERVICES).filter((path) => {
    const text = readFileSync(path, 'utf8')
    return WRITES_NOTIFICATIONS.test(text) || /-notices\.server\.ts$/.test(path)
  })
}

/** Each string or template text in `source` (imports aside) that quotes off style, with its line. */
function offStyleTexts(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true)
  const found: string[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      if (OFF_STYLE.test(node.text)) {
        const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1
        found.push(`${fileName}:${line} ${JSON.stringify(node.text)}`)
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return found
}

describe('notification texts', () => {
  it('are found: every module that writes notifications is read', () => {
    const modules = notificationModules().map((path) => relative(SERVICES, path))
    expect(modules.length).toBeGreaterThanOrEqual(15)
    expect(modules).toEqual(
      expect.arrayContaining([
        'marketplace/projects.server.ts',
        'marketplace/proposal-notices.server.ts',
        'marketplace/hourly.server.ts',
        'meetings/meeting-invitations.server.ts',
      ]),
    )
  })

  it('quote with curly double quotes only, like the rest of the product', () => {
    const offStyle = notificationModules().flatMap((path) =>
      offStyleTexts(relative(SERVICES, path), readFileSync(path, 'utf8')),
    )
    expect(offStyle).toEqual([])
  })

  it('the check catches straight and single quotes, and passes curly double ones and apostrophes', () => {
    const sample = [
      "import { notify } from '~/services/notifications/notify.server'",
      'const a = `You are invited to "${title}"`',
      "const b = `Your project '${title}' is hidden`",
      "const c = 'It\\'s paused'",
      'const d = `Moved: ‘${title}’`',
      'const e = `You are hired for “${title}”: the client’s terms`',
    ].join('\n')
    expect(offStyleTexts('sample.ts', sample)).toEqual([
      'sample.ts:2 "You are invited to \\""',
      'sample.ts:2 "\\""',
      'sample.ts:3 "Your project \'"',
      'sample.ts:3 "\' is hidden"',
      'sample.ts:4 "It\'s paused"',
      'sample.ts:5 "Moved: ‘"',
    ])
  })
})

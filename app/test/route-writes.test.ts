/**
 * "Routes may read through models; every write goes through a service." The layer check sees that a
 * route imports a model module, not which function, so this test reads the route side of the app
 * (app/routes, app/http, app/root.tsx) and fails when it imports from a model a function whose
 * name starts with a write verb, or imports a model module whole (then the functions cannot be seen).
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

/** A model function whose name starts with one of these (then a capital, or nothing) writes. */
const WRITE_VERBS = [
  'insert', 'update', 'upsert', 'delete', 'remove', 'set', 'mark', 'create', 'record', 'save', 'add',
  'advance', 'decide', 'claim', 'release', 'settle', 'revoke', 'touch', 'increment', 'clear', 'reset',
  'store', 'write', 'apply', 'cancel', 'close', 'approve', 'reject', 'complete', 'confirm', 'assign',
  'attach', 'detach', 'expire', 'block', 'unblock', 'end', 'grant', 'replace', 'rename', 'archive',
  'restore', 'publish', 'submit', 'accept', 'purge', 'prune', 'put', 'push', 'send', 'bump', 'consume',
  'use', 'finish', 'start', 'lock', 'unlock', 'refund', 'fund', 'pay', 'credit', 'debit', 'transfer',
  'hold', 'pause', 'resume', 'log', 'flag', 'enqueue', 'link', 'unlink', 'move', 'open', 'seed', 'migrate',
] // prettier-ignore

const WRITE_NAME = new RegExp(`^(${WRITE_VERBS.join('|')})([A-Z0-9_]|$)`)
const MODEL_SPECIFIER = /^(~\/models\/|(\.\.\/)+models\/)/

/** The offending imports of one source file, as "name from module" lines. */
function modelWritesImported(source: string): string[] {
  const found: string[] = []
  const statements = source.matchAll(/\bimport\s+(type\s+)?([^'"]*?)\s*from\s*['"]([^'"]+)['"]/g)
  for (const [, typeOnly, clause = '', specifier = ''] of statements) {
    if (typeOnly || !MODEL_SPECIFIER.test(specifier)) continue
    const named = /\{([^}]*)\}/.exec(clause)?.[1] ?? ''
    const whole = clause
      .replace(/\{[^}]*\}/, '')
      .replace(/,/g, ' ')
      .trim()
    if (whole) found.push(`${whole} (the whole module) from ${specifier}`)
    for (const part of named.split(',')) {
      const [name = ''] = part.trim().split(/\s+as\s+/)
      if (name && !name.startsWith('type ') && WRITE_NAME.test(name)) found.push(`${name} from ${specifier}`)
    }
  }
  for (const [, specifier = ''] of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    if (MODEL_SPECIFIER.test(specifier)) found.push(`import() of ${specifier}`)
  }
  return found
}

const app = fileURLToPath(new URL('..', import.meta.url))

function routeSideFiles(): string[] {
  const files = ['routes', 'http'].flatMap((folder) =>
    readdirSync(join(app, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
      .map((file) => join(app, folder, file)),
  )
  return [...files, join(app, 'root.tsx')]
}

describe('writes go through services', () => {
  it('no route, http helper or root imports a writing model function', () => {
    const files = routeSideFiles()
    expect(files.length).toBeGreaterThan(100)
    const offences = files.flatMap((file) =>
      modelWritesImported(readFileSync(file, 'utf8')).map((line) => `${relative(app, file)}: ${line}`),
    )
    expect(offences).toEqual([])
  })

  it('sees writes however the import is written, and lets reads and types through', () => {
    const source = [
      "import { findContract, deleteUninvoicedTimeEntry } from '~/models/hourly.server'",
      "import {\n  listSavedSearchesOf,\n  setSavedSearchNotify as setNotify,\n} from '../models/saved-searches.server'",
      "import type { markSessionSecondFactor } from '~/models/sessions.server'",
      "import { type insertUser, findUserById } from '~/models/users.server'",
      "import * as payouts from '~/models/payouts.server'",
      "import { deleteSavedSearch } from '~/services/marketplace/saved-searches.server'",
      "import { settingsOf, useful } from '~/models/settings.server'",
      "const lazy = await import('~/models/db.server')",
    ].join('\n')
    expect(modelWritesImported(source)).toEqual([
      'deleteUninvoicedTimeEntry from ~/models/hourly.server',
      'setSavedSearchNotify from ../models/saved-searches.server',
      '* as payouts (the whole module) from ~/models/payouts.server',
      'import() of ~/models/db.server',
    ])
  })
})

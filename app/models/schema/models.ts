import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { at, textId } from './columns'

/**
 * Models fitted by `npm run ai:train` (and the weekly refit), one row per version of each kind:
 * "matching" (the ten factor weights) and "success" (the chance a contract ends well). The newest
 * version of a kind is the one in force; older ones stay so a published figure can be traced.
 */
export const fittedModels = sqliteTable(
  'fitted_models',
  {
    id: textId(),
    kind: text('kind', { enum: ['matching', 'success'] }).notNull(),
    version: integer('version').notNull(),
    fittedAt: at('fitted_at').notNull(),
    /** How many outcomes it learned from (hires for matching, ended contracts for success). */
    outcomes: integer('outcomes').notNull(),
    /** The fitted numbers (weights, or coefficients with their scaling), as JSON. */
    params: text('params', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** What was measured on held-out data at fitting time, as JSON. */
    metrics: text('metrics', { mode: 'json' }).$type<Record<string, number>>().notNull(),
  },
  (t) => [uniqueIndex('fitted_models_kind_version_unique').on(t.kind, t.version)],
)

import { and, desc, eq } from 'drizzle-orm'
import { getDb } from './db.server'
import { fittedModels } from './schema'

export type FittedModelKind = 'matching' | 'success'
export type FittedModel = typeof fittedModels.$inferSelect

/** The version in force: the newest of its kind, or null before the first fit. */
export async function findLatestFittedModel(kind: FittedModelKind): Promise<FittedModel | null> {
  return (
    getDb()
      .select()
      .from(fittedModels)
      .where(eq(fittedModels.kind, kind))
      .orderBy(desc(fittedModels.version))
      .limit(1)
      .get() ?? null
  )
}

/** Stores a new version (one more than the newest of its kind) and returns its number. */
export async function insertFittedModel(
  model: Pick<FittedModel, 'kind' | 'fittedAt' | 'outcomes' | 'params' | 'metrics'>,
): Promise<number> {
  const db = getDb()
  return db.transaction(() => {
    const newest = db
      .select({ version: fittedModels.version })
      .from(fittedModels)
      .where(and(eq(fittedModels.kind, model.kind)))
      .orderBy(desc(fittedModels.version))
      .limit(1)
      .get()
    const version = (newest?.version ?? 0) + 1
    db.insert(fittedModels)
      .values({ id: crypto.randomUUID(), version, ...model })
      .run()
    return version
  })
}

/** Every stored version, newest first (what AI monitoring lists as each model's history). */
export async function listFittedModels(limit = 50): Promise<FittedModel[]> {
  return getDb()
    .select()
    .from(fittedModels)
    .orderBy(desc(fittedModels.fittedAt), desc(fittedModels.version))
    .limit(limit)
    .all()
}

import { eq, inArray } from 'drizzle-orm'
import { getDb } from './db.server'
import { uploads } from './schema'
import { findRow } from './query-helpers.server'

export type Upload = typeof uploads.$inferSelect

export async function insertUpload(row: Upload): Promise<void> {
  getDb().insert(uploads).values(row).run()
}

export async function findUpload(id: string): Promise<Upload | undefined> {
  return findRow(uploads, eq(uploads.id, id))
}

export async function listUploads(ids: string[]): Promise<Upload[]> {
  if (!ids.length) return []
  return getDb().select().from(uploads).where(inArray(uploads.id, ids)).all()
}

export async function deleteUploadRow(id: string): Promise<void> {
  getDb().delete(uploads).where(eq(uploads.id, id)).run()
}

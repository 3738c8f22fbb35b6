import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import { getDb } from './db.server'
import { portfolioImages, portfolioItems, uploads } from './schema'
import { findRow, listRows } from './query-helpers.server'

export type PortfolioItem = typeof portfolioItems.$inferSelect
type PortfolioImage = { uploadId: string; originalName: string }
export type PortfolioItemWithImages = PortfolioItem & { images: PortfolioImage[] }

async function attachImages(items: PortfolioItem[]): Promise<PortfolioItemWithImages[]> {
  if (!items.length) return []
  const rows = getDb()
    .select({ itemId: portfolioImages.itemId, uploadId: portfolioImages.uploadId, originalName: uploads.originalName })
    .from(portfolioImages)
    .innerJoin(uploads, eq(uploads.id, portfolioImages.uploadId))
    .where(
      inArray(
        portfolioImages.itemId,
        items.map((item) => item.id),
      ),
    )
    .orderBy(asc(portfolioImages.position))
    .all()
  return items.map((item) => ({
    ...item,
    images: rows
      .filter((row) => row.itemId === item.id)
      .map(({ uploadId, originalName }) => ({ uploadId, originalName })),
  }))
}

/** A freelancer's work samples, newest first, each with its images in order. */
export async function listPortfolioItems(userId: string): Promise<PortfolioItemWithImages[]> {
  const items = listRows(
    portfolioItems,
    eq(portfolioItems.userId, userId),
    desc(portfolioItems.createdAt),
    desc(portfolioItems.id),
  )
  return attachImages(items)
}

export async function findPortfolioItem(id: string): Promise<PortfolioItemWithImages | undefined> {
  const item = findRow(portfolioItems, eq(portfolioItems.id, id))
  return item ? (await attachImages([item]))[0] : undefined
}

export async function countPortfolioItems(userId: string): Promise<number> {
  return (
    getDb()
      .select({ n: sql<number>`count(*)` })
      .from(portfolioItems)
      .where(eq(portfolioItems.userId, userId))
      .get()?.n ?? 0
  )
}

export async function insertPortfolioItem(
  item: Pick<PortfolioItem, 'id' | 'userId' | 'title' | 'description' | 'links'>,
  uploadIds: string[],
): Promise<void> {
  getDb().transaction((tx) => {
    tx.insert(portfolioItems).values(item).run()
    if (uploadIds.length) {
      tx.insert(portfolioImages)
        .values(uploadIds.map((uploadId, position) => ({ itemId: item.id, uploadId, position })))
        .run()
    }
  })
}

/** Updates the text of an item and appends images after the ones it has. */
export async function updatePortfolioItem(
  id: string,
  values: Pick<PortfolioItem, 'title' | 'description' | 'links'>,
  newUploadIds: string[],
): Promise<void> {
  getDb().transaction((tx) => {
    tx.update(portfolioItems).set(values).where(eq(portfolioItems.id, id)).run()
    if (newUploadIds.length) {
      const last = tx
        .select({ max: sql<number | null>`max(${portfolioImages.position})` })
        .from(portfolioImages)
        .where(eq(portfolioImages.itemId, id))
        .get()?.max
      const start = (last ?? -1) + 1
      tx.insert(portfolioImages)
        .values(newUploadIds.map((uploadId, i) => ({ itemId: id, uploadId, position: start + i })))
        .run()
    }
  })
}

/** Detaches one image; the caller deletes the stored file. Returns whether it was attached. */
export async function removePortfolioImage(itemId: string, uploadId: string): Promise<boolean> {
  const result = getDb()
    .delete(portfolioImages)
    .where(and(eq(portfolioImages.itemId, itemId), eq(portfolioImages.uploadId, uploadId)))
    .run()
  return result.changes > 0
}

/** Deletes the item (its image rows go with it) and returns the uploads it had, for the caller to delete. */
export async function deletePortfolioItem(id: string): Promise<string[]> {
  const db = getDb()
  return db.transaction((tx) => {
    const ids = tx
      .select({ uploadId: portfolioImages.uploadId })
      .from(portfolioImages)
      .where(eq(portfolioImages.itemId, id))
      .all()
    tx.delete(portfolioItems).where(eq(portfolioItems.id, id)).run()
    return ids.map((row) => row.uploadId)
  })
}

/** The portfolio item an uploaded image belongs to, if it is a portfolio image at all. */
export async function findPortfolioImageOwner(
  uploadId: string,
): Promise<{ itemId: string; userId: string } | undefined> {
  return getDb()
    .select({ itemId: portfolioImages.itemId, userId: portfolioItems.userId })
    .from(portfolioImages)
    .innerJoin(portfolioItems, eq(portfolioItems.id, portfolioImages.itemId))
    .where(eq(portfolioImages.uploadId, uploadId))
    .get()
}

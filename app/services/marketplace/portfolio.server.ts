import type { z } from 'zod'
import {
  countPortfolioItems,
  deletePortfolioItem,
  findPortfolioItem,
  insertPortfolioItem,
  removePortfolioImage,
  updatePortfolioItem,
  type PortfolioItemWithImages,
} from '~/models/portfolio.server'
import { deleteUpload, IMAGE_TYPES, keepUploadsIf, storeUploads, UploadRejected } from '~/services/files/uploads.server'
import {
  MAX_PORTFOLIO_IMAGE_BYTES,
  MAX_PORTFOLIO_IMAGES,
  MAX_PORTFOLIO_ITEMS,
  splitLinks,
  type PortfolioItemSchema,
} from './portfolio-schemas'

export type PortfolioValues = z.infer<typeof PortfolioItemSchema>
export type PortfolioSaveResult = { ok: true; itemId: string } | { ok: false; fieldErrors: Record<string, string[]> }

/** The item if it is this freelancer's; anyone else's (or a missing one) is the same "not found". */
export async function findOwnPortfolioItem(
  userId: string,
  itemId: string | undefined,
): Promise<PortfolioItemWithImages | undefined> {
  const item = itemId ? await findPortfolioItem(itemId) : undefined
  return item && item.userId === userId ? item : undefined
}

/**
 * Stores the chosen images (all or none): each is checked by its bytes against the image types and
 * the size limit. On the first refusal the ones already stored are removed again.
 */
async function storeImages(
  userId: string,
  files: File[],
): Promise<{ ok: true; ids: string[] } | { ok: false; message: string }> {
  try {
    const uploads = await storeUploads(
      { ownerId: userId, purpose: 'portfolio', allowedTypes: IMAGE_TYPES, maxBytes: MAX_PORTFOLIO_IMAGE_BYTES },
      files,
    )
    return { ok: true, ids: uploads.map((upload) => upload.id) }
  } catch (error) {
    if (error instanceof UploadRejected) return { ok: false, message: `${error.message} Choose the images again.` }
    throw error
  }
}

/** The answer when the upload was cut off for size: the browser drops the chosen files, so ask again. */
const OVERSIZED_IMAGES: PortfolioSaveResult = {
  ok: false,
  fieldErrors: {
    images: [`Each image may be at most ${MAX_PORTFOLIO_IMAGE_BYTES / 1_000_000} MB. Choose the images again.`],
  },
}

function imageFiles(formData: FormData): File[] {
  return formData.getAll('images').filter((value): value is File => value instanceof File && value.size > 0)
}

export async function addPortfolioItem(
  userId: string,
  values: PortfolioValues,
  formData: FormData,
  oversized: boolean,
): Promise<PortfolioSaveResult> {
  if (oversized) return OVERSIZED_IMAGES
  if ((await countPortfolioItems(userId)) >= MAX_PORTFOLIO_ITEMS) {
    return {
      ok: false,
      fieldErrors: { title: [`A portfolio holds at most ${MAX_PORTFOLIO_ITEMS} items; delete one first.`] },
    }
  }
  const files = imageFiles(formData)
  if (files.length > MAX_PORTFOLIO_IMAGES)
    return { ok: false, fieldErrors: { images: [`Add at most ${MAX_PORTFOLIO_IMAGES} images to one item.`] } }
  const stored = await storeImages(userId, files)
  if (!stored.ok) return { ok: false, fieldErrors: { images: [stored.message] } }
  const itemId = crypto.randomUUID()
  const item = {
    id: itemId,
    userId,
    title: values.title,
    description: values.description,
    links: splitLinks(values.links),
  }
  await keepUploadsIf(stored.ids, () => insertPortfolioItem(item, stored.ids))
  return { ok: true, itemId }
}

export async function editPortfolioItem(
  item: PortfolioItemWithImages,
  values: PortfolioValues,
  formData: FormData,
  oversized: boolean,
): Promise<PortfolioSaveResult> {
  if (oversized) return OVERSIZED_IMAGES
  const files = imageFiles(formData)
  if (item.images.length + files.length > MAX_PORTFOLIO_IMAGES) {
    return {
      ok: false,
      fieldErrors: { images: [`An item holds at most ${MAX_PORTFOLIO_IMAGES} images; it has ${item.images.length}.`] },
    }
  }
  const stored = await storeImages(item.userId, files)
  if (!stored.ok) return { ok: false, fieldErrors: { images: [stored.message] } }
  const changes = { title: values.title, description: values.description, links: splitLinks(values.links) }
  await keepUploadsIf(stored.ids, () => updatePortfolioItem(item.id, changes, stored.ids))
  return { ok: true, itemId: item.id }
}

export async function removeImageFromItem(item: PortfolioItemWithImages, uploadId: string): Promise<boolean> {
  if (!(await removePortfolioImage(item.id, uploadId))) return false
  await deleteUpload(uploadId)
  return true
}

export async function deleteItemAndImages(item: PortfolioItemWithImages): Promise<void> {
  const uploadIds = await deletePortfolioItem(item.id)
  await Promise.all(uploadIds.map((id) => deleteUpload(id)))
}

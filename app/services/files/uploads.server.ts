import fs from 'node:fs/promises'
import path from 'node:path'
import { fileTypeFromBuffer } from 'file-type'
import type { UploadPurpose } from '~/domain/enums'
import { deleteUploadRow, findUpload, insertUpload, type Upload } from '~/models/uploads.server'
import { getEnv } from '~/utils/env.server'
import { nameForType } from './file-names'
import { withoutImageMetadata } from './image-metadata'
import { imagePixels, MAX_IMAGE_PIXELS } from './image-size'
import { textFileRefusal } from './text-refusal'

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const
export const DOCUMENT_TYPES = [
  ...IMAGE_TYPES,
  'application/pdf',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/plain',
] as const

/** What went wrong with an uploaded file, in words for the person who chose it. */
export class UploadRejected extends Error {}

export function uploadsDir(): string {
  const env = getEnv()
  return path.resolve(env.UPLOADS_DIR ?? path.join(path.dirname(path.resolve(env.DATABASE_PATH)), 'uploads'))
}

function storedPath(id: string): string {
  // Ids are UUIDs we made; the user's file name never reaches the file system.
  return path.join(uploadsDir(), id.slice(0, 2), id)
}

function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

/** The content type read from the file's own bytes (what the browser claims is ignored). */
async function detectContentType(bytes: Uint8Array): Promise<string | null> {
  const detected = await fileTypeFromBuffer(bytes)
  if (detected) return detected.mime
  return looksLikeText(bytes) ? 'text/plain' : null
}

function describeTypes(types: readonly string[]): string {
  const names: Record<string, string> = {
    'image/png': 'PNG',
    'image/jpeg': 'JPEG',
    'image/webp': 'WebP',
    'image/gif': 'GIF',
    'application/pdf': 'PDF',
    'application/zip': 'ZIP',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (.docx)',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (.xlsx)',
    'text/plain': 'plain text',
  }
  return types.map((type) => names[type] ?? type).join(', ')
}

/**
 * Checks a file's real type and size and stores it on disk under the uploads directory.
 * Throws UploadRejected with a message for the user when the file is not acceptable.
 */
export async function storeUpload(input: {
  ownerId: string
  purpose: UploadPurpose
  file: File
  allowedTypes: readonly string[]
  maxBytes: number
}): Promise<Upload> {
  const { file, allowedTypes, maxBytes } = input
  if (file.size === 0) throw new UploadRejected(`"${file.name}" is empty.`)
  if (file.size > maxBytes) {
    throw new UploadRejected(`"${file.name}" is larger than ${Math.floor(maxBytes / 1_000_000)} MB.`)
  }
  const bytes = new Uint8Array(await file.arrayBuffer())
  const contentType = await detectContentType(bytes)
  if (!contentType || !allowedTypes.includes(contentType)) {
    const textRefusal = !contentType && allowedTypes.includes('text/plain') ? textFileRefusal(file.name, bytes) : null
    throw new UploadRejected(
      textRefusal ?? `"${file.name}" is not an accepted kind of file. Accepted: ${describeTypes(allowedTypes)}.`,
    )
  }
  // Decoded, every pixel takes memory in every browser showing it, whatever the file weighs (image-size.ts).
  const pixels = imagePixels(bytes, contentType)
  if (pixels > MAX_IMAGE_PIXELS) {
    throw new UploadRejected(
      `"${file.name}" has ${Math.ceil(pixels / 1_000_000)} megapixels; an image may have at most ${MAX_IMAGE_PIXELS / 1_000_000}. Save it at a smaller size and choose it again.`,
    )
  }
  // Kept without its metadata (where a photo was taken, the camera, names, comments): image-metadata.ts.
  const kept = withoutImageMetadata(bytes, contentType)
  if (!kept) {
    throw new UploadRejected(
      `"${file.name}" could not be read as a ${describeTypes([contentType])} image; it may be damaged. Save it again and choose it again.`,
    )
  }
  const upload: Upload = {
    id: crypto.randomUUID(),
    ownerId: input.ownerId,
    purpose: input.purpose,
    // Its extension made to agree with its bytes (file-names.ts).
    originalName: nameForType(file.name.slice(0, 200) || 'file', contentType),
    contentType,
    sizeBytes: kept.byteLength,
    createdAt: new Date(),
  }
  const target = storedPath(upload.id)
  await fs.mkdir(path.dirname(target), { recursive: true })
  await fs.writeFile(target, kept)
  try {
    await insertUpload(upload)
  } catch (error) {
    await fs.rm(target, { force: true })
    throw error
  }
  return upload
}

type UploadSpec = { ownerId: string; purpose: UploadPurpose; allowedTypes: readonly string[]; maxBytes: number }

/**
 * Stores several files, all or none: on the first refusal the ones already stored are removed
 * again and the UploadRejected is rethrown.
 */
export async function storeUploads(spec: UploadSpec, files: File[]): Promise<Upload[]> {
  const stored: Upload[] = []
  try {
    for (const file of files) stored.push(await storeUpload({ ...spec, file }))
  } catch (error) {
    await deleteUploads(stored.map((upload) => upload.id))
    throw error
  }
  return stored
}

/**
 * Runs the write that puts stored files to use. When it throws, or `kept` says its result refused
 * them, the files are removed again, so a refused or failed submission leaves nothing behind.
 * Permission checks belong before the files are stored; this covers what can only fail after.
 */
export async function keepUploadsIf<T>(
  ids: string[],
  write: () => Promise<T>,
  kept: (result: T) => boolean = () => true,
): Promise<T> {
  let result: T
  try {
    result = await write()
  } catch (error) {
    await deleteUploads(ids)
    throw error
  }
  if (!kept(result)) await deleteUploads(ids)
  return result
}

/**
 * A stored upload and its bytes; null when it is unknown or its file is gone. An image stored before
 * metadata was removed on upload is read without it all the same (one it cannot follow, as stored).
 */
export async function readUpload(id: string): Promise<{ upload: Upload; bytes: Uint8Array } | null> {
  const upload = await findUpload(id)
  if (!upload) return null
  let stored: Buffer
  try {
    stored = await fs.readFile(storedPath(id))
  } catch {
    return null
  }
  return { upload, bytes: withoutImageMetadata(stored, upload.contentType) ?? stored }
}

export async function deleteUpload(id: string): Promise<void> {
  await deleteUploadRow(id)
  await fs.rm(storedPath(id), { force: true })
}

async function deleteUploads(ids: string[]): Promise<void> {
  for (const id of ids) await deleteUpload(id)
}

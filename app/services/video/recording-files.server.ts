import fs from 'node:fs/promises'
import path from 'node:path'
import { uploadsDir } from '~/services/files/uploads.server'

/** Where a recording's file lives: under the uploads directory, named by its id (a UUID we made). */
export function recordingPath(recordingId: string): string {
  return path.join(uploadsDir(), 'recordings', recordingId)
}

/**
 * Writes a chunk at `offset` and cuts the file there: a chunk whose write landed but whose row
 * update did not (a crash between the two) is simply written again over itself on retry.
 */
export async function writeRecordingChunk(recordingId: string, offset: number, bytes: Uint8Array): Promise<void> {
  const target = recordingPath(recordingId)
  await fs.mkdir(path.dirname(target), { recursive: true })
  const file = await fs.open(target, offset === 0 ? 'w' : 'r+')
  try {
    await file.write(bytes, 0, bytes.byteLength, offset)
    await file.truncate(offset + bytes.byteLength)
  } finally {
    await file.close()
  }
}

/** The file's size and last write, or null when nothing was stored yet. */
export async function statRecordingFile(recordingId: string): Promise<{ size: number; modifiedAt: Date } | null> {
  try {
    const stat = await fs.stat(recordingPath(recordingId))
    return { size: stat.size, modifiedAt: stat.mtime }
  } catch {
    return null
  }
}

export async function removeRecordingFile(recordingId: string): Promise<void> {
  await fs.rm(recordingPath(recordingId), { force: true })
}

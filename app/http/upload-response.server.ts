import { nameForType } from '~/services/files/file-names'
import { readUpload } from '~/services/files/uploads.server'

/**
 * A response that serves a stored upload. Callers check who may see it first. Images show inline;
 * everything else downloads, so an uploaded file never runs as a page of this site. `private`
 * files (message attachments, dispute evidence) are kept in no cache, so none is left on a shared
 * computer after signing out; portfolio images, shown on profiles, may be cached for an hour.
 */
export async function uploadResponse(id: string, { cache }: { cache: 'private' | 'profile' }): Promise<Response> {
  const stored = await readUpload(id)
  if (!stored) throw new Response('Not found', { status: 404 })
  const { upload, bytes } = stored
  const inline = upload.contentType.startsWith('image/')
  // Files stored before names were made to agree with their bytes get the same treatment here.
  const name = encodeURIComponent(nameForType(upload.originalName, upload.contentType))
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': upload.contentType,
      'Content-Length': String(bytes.byteLength),
      'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${name}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': cache === 'private' ? 'private, no-store' : 'private, max-age=3600',
    },
  })
}

import type { LoaderFunctionArgs } from '@remix-run/node'
import { findDispute } from '~/models/disputes.server'
import { uploadResponse } from '~/http/upload-response.server'
import { isParty } from '~/services/marketplace/disputes.server'
import { requireUser } from '~/http/auth.server'

/** Evidence files of a dispute, for its two sides and admins only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const found = params.disputeId ? await findDispute(params.disputeId) : undefined
  const mayRead = found && (user.role === 'admin' || isParty(found.contract, user.id))
  const files = [found?.dispute.evidenceUploadId, found?.dispute.responseUploadId]
  if (!mayRead || !params.uploadId || !files.includes(params.uploadId)) throw new Response('Not found', { status: 404 })
  return uploadResponse(params.uploadId, { cache: 'private' })
}

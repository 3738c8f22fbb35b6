import type { LoaderFunctionArgs } from '@remix-run/node'
import { findPortfolioImageOwner } from '~/models/portfolio.server'
import { requireUser } from '~/http/auth.server'
import { uploadResponse } from '~/http/upload-response.server'

/** Portfolio images, for any signed-in user (they show on public profiles); nothing else is served here. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request)
  const owner = params.imageId ? await findPortfolioImageOwner(params.imageId) : undefined
  if (!owner || !params.imageId) throw new Response('Not found', { status: 404 })
  return uploadResponse(params.imageId, { cache: 'profile' })
}

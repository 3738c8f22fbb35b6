import type { LoaderFunctionArgs } from '@remix-run/node'
import { getOptionalSession, requireUser } from '~/http/auth.server'
import { uploadResponse } from '~/http/upload-response.server'
import { portfolioImageAccess } from '~/services/discovery/public-pages.server'

/**
 * Portfolio images (nothing else is served here), for whoever may read the profile they show on:
 * public profiles are read by visitors and search engines too, so their images must load for them.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = (await getOptionalSession(request))?.user ?? null
  const access = params.imageId ? await portfolioImageAccess(params.imageId, viewer) : 'not-found'
  if (access === 'sign-in') await requireUser(request)
  if (access !== 'show' || !params.imageId) throw new Response('Not found', { status: 404 })
  return uploadResponse(params.imageId, { cache: 'profile' })
}

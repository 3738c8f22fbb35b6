import { getEnv } from '~/utils/env.server'

/** The site's public origin for canonical URLs and sitemaps: APP_URL when set, else the request's own. */
export function publicOrigin(request: Request): string {
  const configured = getEnv().APP_URL
  return configured ? new URL(configured).origin : new URL(request.url).origin
}

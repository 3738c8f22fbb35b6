/**
 * Which menu frames a page: `members` (the portal: only for signed-in people) or `everyone` (pages
 * anyone may read; members see them in their portal). A layout route declares it in its `handle`
 * (`{ menuFrame: 'members' }`); the server tells the root loader the frame of the page asked for.
 */
export type MenuFrame = 'members' | 'everyone'

/** What the Node server hands every loader and action. */
export type MegiLanceContext = {
  cspNonce: string
  /** The caller's IP, from X-Forwarded-For only when TRUST_PROXY is set. */
  clientIp: string | null
  /** This request's id: in every log line written for it and on its error page. */
  requestId?: string
  /** The menu frame of the page at the request's URL (the deepest matched route's `handle.menuFrame`). */
  menuFrame?: MenuFrame | null
}

declare module '@remix-run/node' {
  interface AppLoadContext extends MegiLanceContext {}
}

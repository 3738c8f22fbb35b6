/** What the Node server hands every loader and action. */
export type MegiLanceContext = {
  cspNonce: string
  /** The caller's IP, from X-Forwarded-For only when TRUST_PROXY is set. */
  clientIp: string | null
  /** This request's id: in every log line written for it and on its error page. */
  requestId?: string
}

declare module '@remix-run/node' {
  interface AppLoadContext extends MegiLanceContext {}
}

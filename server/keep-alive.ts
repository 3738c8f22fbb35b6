import type { Server } from 'node:http'

/**
 * How long a kept-alive connection may wait for its next request. Node's default is 5 s (plus a
 * second of grace), and its timer is checked before new data is read: a worker whose event loop is
 * held for 6 s (a saturated 2-core machine, a slow query) closes connections whose next request has
 * already arrived, and the client sees ECONNRESET for a request the server never read. 65 s is also longer than the
 * idle timeout of common proxies (60 s), which must be the ones to close an idle connection.
 */
const KEEP_ALIVE_MS = 65_000

export function keepConnectionsOpen(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_MS
  // Counted from a request's first byte; kept above the keep-alive time, as Node's docs advise.
  server.headersTimeout = KEEP_ALIVE_MS + 1_000
}

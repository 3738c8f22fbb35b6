import type http from 'node:http'
import type { Logger } from 'pino'

/**
 * The exit code of a web worker that cannot take its port (EX_CONFIG of sysexits.h): the primary then
 * stops the server instead of starting another worker that would fail the same way, forever.
 */
export const EXIT_CANNOT_LISTEN = 78

const REASONS: Record<string, string> = {
  EADDRINUSE: 'another program already uses it (is MegiLance already running?)',
  EACCES: 'this user may not use it (ports below 1024 need privileges)',
}

/** Listens on `port`, or says in plain words why it cannot and exits with EXIT_CANNOT_LISTEN. */
export function listenOrExit(
  server: http.Server,
  port: number,
  logger: Logger,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  const refused = (error: NodeJS.ErrnoException) => {
    const reason = REASONS[error.code ?? ''] ?? error.message
    logger.fatal({ err: error }, `Cannot listen on port ${port}: ${reason}. Stop the other server, or set PORT.`)
    exit(EXIT_CANNOT_LISTEN)
  }
  server.once('error', refused)
  server.listen(port, () => {
    server.off('error', refused)
    logger.info(`MegiLance listening on http://localhost:${port}`)
  })
}

/**
 * Fixtures set up state with the app's own models and services, against the database the e2e
 * server uses and with its session secret. The app reads both from its environment on first use,
 * so this module is imported before any app module (db-fixtures.ts imports it first).
 */
function required(name: string): string {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set (playwright.config.ts sets it)`)
  return value
}

process.env.DATABASE_PATH = required('E2E_DATABASE_PATH')
process.env.SESSION_SECRET = required('E2E_SESSION_SECRET')
process.env.LOG_LEVEL = 'warn'
// The server runs in production, so its cookies are Secure and carry the `__Host-` prefix: the
// fixtures' session and device cookies must be named as the server names them.
process.env.COOKIE_SECURE = 'true'

import { setupServer } from 'msw/node'

/**
 * The one MSW server of the vitest run, listening for every test file (app/test/setup-msw.ts).
 * A test adds the answers it needs with `server.use(...)`; they are removed after each test.
 */
export const server = setupServer()

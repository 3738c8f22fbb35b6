import { afterAll, afterEach, beforeAll } from 'vitest'
import { server } from './msw-server'

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

// No test reaches the internet: a request no handler answers fails the test (MSW logs it with
// console.error, which app/test/setup-console.ts turns into a failure). Servers a test starts
// itself on the loopback interface (the Express app, a local SMTP server) are real, so pass.
beforeAll(() =>
  server.listen({
    onUnhandledRequest: (request, print) => {
      if (!LOOPBACK.has(new URL(request.url).hostname)) print.error()
    },
  }),
)
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

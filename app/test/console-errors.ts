import { format } from 'node:util'

type Expectation = { pattern: RegExp; seen: boolean }

const originalError = console.error
let expected: Expectation[] = []
let unexpected: string[] = []

/**
 * Declares that the running test logs a `console.error` matching `pattern`, on purpose. Any other
 * error it logs fails it, and so does a declared one that never comes.
 */
export function expectConsoleError(pattern: RegExp) {
  expected.push({ pattern, seen: false })
}

/** Starts recording what the next test logs with `console.error`. */
export function watchConsoleErrors() {
  expected = []
  unexpected = []
  console.error = (...args: unknown[]) => {
    const message = format(...args)
    const declared = expected.find((expectation) => expectation.pattern.test(message))
    if (declared) declared.seen = true
    else {
      unexpected.push(message)
      originalError(...args)
    }
  }
}

/** Stops recording and throws (failing the test) on an unexpected error or a declared one missing. */
export function checkConsoleErrors() {
  console.error = originalError
  const logged = unexpected
  const missing = expected.filter((expectation) => !expectation.seen).map((expectation) => String(expectation.pattern))
  expected = []
  unexpected = []
  if (logged.length > 0) {
    throw new Error(
      `The test logged ${logged.length} unexpected console.error message(s); fix the cause, or declare it with expectConsoleError(/pattern/):\n${logged.join('\n---\n')}`,
    )
  }
  if (missing.length > 0) throw new Error(`The test declared console errors it never logged: ${missing.join(', ')}`)
}

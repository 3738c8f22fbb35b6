import { afterEach, beforeEach } from 'vitest'
import { checkConsoleErrors, watchConsoleErrors } from './console-errors'

// A test that logs an error it did not declare fails (app/test/console-errors.ts).
beforeEach(() => watchConsoleErrors())
afterEach(() => checkConsoleErrors())

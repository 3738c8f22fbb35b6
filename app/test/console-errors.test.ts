import { describe, expect, it } from 'vitest'
import { checkConsoleErrors, expectConsoleError, watchConsoleErrors } from './console-errors'

// The setup file watches every test; these tests restart the watch to look at one step at a time.
describe('the console.error guard', () => {
  it('lets a test log an error it declared', () => {
    expectConsoleError(/card network down/)
    console.error('card network down: retrying')
  })

  it('fails a test that logs an error it did not declare, and one whose declared error never came', () => {
    checkConsoleErrors()
    watchConsoleErrors()
    console.error('something broke')
    expect(() => checkConsoleErrors()).toThrow(/1 unexpected console.error/)
    watchConsoleErrors()
    expectConsoleError(/never logged/)
    expect(() => checkConsoleErrors()).toThrow(/never logged/)
    watchConsoleErrors()
  })
})

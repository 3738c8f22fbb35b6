import { describe, expect, it } from 'vitest'
import { isJobDisabled } from './job-switches'

describe('DISABLED_JOBS', () => {
  it('turns off the jobs it names, or every job with *', () => {
    expect(isJobDisabled(['hourly-invoicing', 'daily-backup'], 'hourly-invoicing')).toBe(true)
    expect(isJobDisabled(['daily-backup'], 'hourly-invoicing')).toBe(false)
    expect(isJobDisabled([], 'hourly-invoicing')).toBe(false)
    expect(isJobDisabled(['*'], 'hourly-invoicing')).toBe(true)
  })
})

import { describe, expect, it } from 'vitest'
import { formatCallDuration } from './call-duration'

describe('formatCallDuration', () => {
  it('says seconds, minutes and hours as people do', () => {
    expect(formatCallDuration(5_400)).toBe('5 s')
    expect(formatCallDuration(185_000)).toBe('3 min 5 s')
    expect(formatCallDuration(120_000)).toBe('2 min')
    expect(formatCallDuration(80 * 60_000)).toBe('1 h 20 min')
    expect(formatCallDuration(2 * 3_600_000)).toBe('2 h')
  })
})

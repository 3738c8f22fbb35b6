import { describe, expect, it } from 'vitest'
import { currentTimeZoneName, isTimeZone, parseLanguages, timeZoneNames } from './profile-fields'

describe('profile fields', () => {
  it('lists IANA time zones with UTC first', () => {
    const zones = timeZoneNames()
    expect(zones[0]).toBe('UTC')
    expect(zones).toContain('Europe/Berlin')
    expect(zones).toContain('Asia/Karachi')
    expect(isTimeZone('America/New_York')).toBe(true)
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false)
    expect(isTimeZone('')).toBe(false)
  })

  it('offers zones by their current names (Kolkata, Kyiv), and still accepts the old ones saved before', () => {
    const zones = timeZoneNames()
    for (const current of ['Asia/Kolkata', 'Europe/Kyiv', 'America/Argentina/Buenos_Aires', 'Asia/Ho_Chi_Minh'])
      expect(zones).toContain(current)
    for (const old of ['Asia/Calcutta', 'Europe/Kiev', 'America/Buenos_Aires', 'Asia/Saigon']) {
      expect(zones).not.toContain(old)
      expect(isTimeZone(old)).toBe(true)
    }
    expect(isTimeZone('Asia/Kolkata')).toBe(true)
    expect(currentTimeZoneName('Asia/Calcutta')).toBe('Asia/Kolkata')
    expect(currentTimeZoneName('Europe/Berlin')).toBe('Europe/Berlin')
    expect(new Set(zones).size).toBe(zones.length)
  })

  it('parses a comma-separated language list once each', () => {
    expect(parseLanguages(' English, urdu ,english,  Punjabi  ')).toEqual({
      languages: ['English', 'urdu', 'Punjabi'],
      errors: [],
    })
    expect(parseLanguages('')).toEqual({ languages: [], errors: [] })
    expect(parseLanguages('English, 42, <b>').errors).toEqual([
      '"42" does not look like a language name',
      '"<b>" does not look like a language name',
    ])
    expect(parseLanguages('A,B,C,D,E,F,G,H,I,J,K').errors).toEqual(['List at most 10 languages'])
  })
})

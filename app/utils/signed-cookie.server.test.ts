import { createCookie } from '@remix-run/node'
import { describe, expect, it, vi } from 'vitest'
import { makeSignedCookie, rememberParsedValues } from './signed-cookie.server'

const SECRET = 'test-secret-0123456789abcdef0123456789'

describe('rememberParsedValues', () => {
  it('answers as the cookie does, checking each distinct header once', async () => {
    const cookie = createCookie('__t', { secrets: [SECRET] })
    const parse = vi.spyOn(cookie, 'parse')
    const remembered = rememberParsedValues(cookie)
    const header = (await cookie.serialize('token-1')).split(';')[0]!
    expect(await remembered.parse(header)).toBe('token-1')
    expect(await remembered.parse(header)).toBe('token-1')
    expect(parse).toHaveBeenCalledTimes(1)

    // A forged signature is refused, the second time too.
    const forged = header.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))
    expect(await remembered.parse(forged)).toBeNull()
    expect(await remembered.parse(forged)).toBeNull()
    expect(await remembered.parse(null)).toBeNull()
    expect(remembered.name).toBe('__t')
    expect(await remembered.serialize('x')).toMatch(/^__t=/)
  })

  it('never shares an object value between callers', async () => {
    const cookie = createCookie('__o', { secrets: [SECRET] })
    const remembered = rememberParsedValues(cookie)
    const header = (await cookie.serialize({ a: 1 })).split(';')[0]!
    const first = (await remembered.parse(header)) as { a: number }
    first.a = 2
    expect(await remembered.parse(header)).toEqual({ a: 1 })
  })
})

describe('our signed cookies with Secure on (HTTPS in production)', () => {
  const pair = (setCookie: string) => setCookie.split(';')[0]!

  it('say their own name and signing, and work out their expiry when asked, not once when made', () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') })
    try {
      const cookie = makeSignedCookie('__session', 3600, true)
      expect([cookie.name, cookie.isSigned, cookie.legacyName]).toEqual(['__Host-session', true, '__session'])
      expect(cookie.expires?.toISOString()).toBe('2026-01-01T01:00:00.000Z')
      vi.setSystemTime(new Date('2026-01-02T00:00:00Z'))
      expect(cookie.expires?.toISOString()).toBe('2026-01-02T01:00:00.000Z')
    } finally {
      vi.useRealTimers()
    }
  })

  it('carry the __Host- prefix, with Secure, Path=/ and no Domain', async () => {
    const cookie = makeSignedCookie('__session', 3600, true)
    expect(cookie.name).toBe('__Host-session')
    const set = await cookie.serialize('token-1')
    expect(set).toMatch(/^__Host-session=/)
    expect(set).toMatch(/; Path=\/;/)
    expect(set).toMatch(/; Secure/)
    expect(set).not.toMatch(/Domain=/i)
    expect(await cookie.parse(pair(set))).toBe('token-1')
  })

  it('still read a cookie under the old name, which is worth setting anew, and prefer the new name', async () => {
    const cookie = makeSignedCookie('__session', 3600, true)
    const old = pair(await makeSignedCookie('__session', 3600, false).serialize('token-old'))
    expect(old).toMatch(/^__session=/)
    expect(await cookie.parse(old)).toBe('token-old')
    expect(cookie.onlyUnderLegacyName(old)).toBe(true)
    expect(await cookie.clearLegacy()).toMatch(/^__session=; Max-Age=0; Path=\//)

    const both = `${old}; ${pair(await cookie.serialize('token-new'))}`
    expect(await cookie.parse(both)).toBe('token-new')
    expect(cookie.onlyUnderLegacyName(both)).toBe(false)
    // A forged cookie under the new name is not passed over for the old one.
    expect(await cookie.parse(`${old}; __Host-session=forged`)).toBeNull()
  })

  it('keep their plain names over plain http, with no second name', async () => {
    const cookie = makeSignedCookie('__session', 3600, false)
    expect(cookie.name).toBe('__session')
    expect(await cookie.serialize('t')).not.toMatch(/Secure/)
    expect(cookie.legacyName).toBeNull()
    expect(cookie.onlyUnderLegacyName('__session=abc')).toBe(false)
    expect(await cookie.clearLegacy()).toBeNull()
  })
})

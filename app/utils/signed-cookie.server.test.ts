import { createCookie } from '@remix-run/node'
import { describe, expect, it, vi } from 'vitest'
import { rememberParsedValues } from './signed-cookie.server'

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

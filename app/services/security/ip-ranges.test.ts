import { describe, expect, test } from 'vitest'
import { ipInRanges, normaliseCidr, throttleNetworkOf } from './ip-ranges'

describe('normaliseCidr', () => {
  test('keeps the network part of a range and turns single addresses into /32 or /128', () => {
    expect(normaliseCidr(' 203.0.113.77/24 ')).toBe('203.0.113.0/24')
    expect(normaliseCidr('2001:db8::1/32')).toBe('2001:db8::/32')
    expect(normaliseCidr('10.0.0.1')).toBe('10.0.0.1/32')
    expect(normaliseCidr('2001:db8::5')).toBe('2001:db8::5/128')
  })
  test('refuses what is not an address or range', () => {
    for (const bad of ['nope', '10.0.0.0/33', '300.1.1.1', '10.0.0/8', '']) expect(normaliseCidr(bad)).toBe(null)
  })
})

describe('ipInRanges', () => {
  test('matches IPv4, IPv4-mapped IPv6 and IPv6 against their own kind', () => {
    expect(ipInRanges('203.0.113.5', ['203.0.113.0/24'])).toBe(true)
    expect(ipInRanges('::ffff:203.0.113.5', ['203.0.113.0/24'])).toBe(true)
    expect(ipInRanges('203.0.114.5', ['203.0.113.0/24'])).toBe(false)
    expect(ipInRanges('2001:db8::9', ['203.0.113.0/24', '2001:db8::/32'])).toBe(true)
    expect(ipInRanges(null, ['0.0.0.0/0'])).toBe(false)
    expect(ipInRanges('garbage', ['0.0.0.0/0'])).toBe(false)
  })
})

describe('throttleNetworkOf', () => {
  test('an IPv4 address is itself, also when IPv4-mapped; an IPv6 address is its /64', () => {
    expect(throttleNetworkOf('203.0.113.7')).toBe('203.0.113.7')
    expect(throttleNetworkOf('::ffff:203.0.113.7')).toBe('203.0.113.7')
    expect(throttleNetworkOf('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64')
    expect(throttleNetworkOf('2001:0db8:0001:0002::1')).toBe('2001:db8:1:2::/64')
    expect(throttleNetworkOf('not an address')).toBe('not an address')
  })
})

import { expect, test } from 'vitest'
import { describeLocation, locateIp } from './geo.server'

test('public addresses resolve offline to a place with coordinates; private ones to nothing', () => {
  expect(describeLocation('81.2.69.142')).toBe('St Albans, United Kingdom')
  expect(locateIp('216.160.83.56')).toMatchObject({ country: 'US', city: 'Poulsbo' })
  expect(locateIp('::ffff:81.2.69.142')?.country).toBe('GB')
  expect(locateIp('127.0.0.1')).toBe(null)
  expect(locateIp('10.1.2.3')).toBe(null)
  expect(locateIp(null)).toBe(null)
})

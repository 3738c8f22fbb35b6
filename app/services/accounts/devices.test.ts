import { describe, expect, it } from 'vitest'
import { describeDevice } from './devices'

describe('describeDevice', () => {
  it('names the browser, system and kind of device', () => {
    const windows =
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
    expect(describeDevice(windows)).toEqual({ browser: 'Chrome 131', os: 'Windows 10', kind: 'Desktop' })
    const iphone =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'
    expect(describeDevice(iphone)).toMatchObject({ browser: 'Mobile Safari 17', kind: 'Phone' })
    expect(describeDevice(iphone).os).toMatch(/^iOS 17/)
  })

  it('says so when it cannot tell', () => {
    expect(describeDevice(null)).toEqual({ browser: 'Unknown browser', os: 'Unknown system', kind: 'Desktop' })
  })
})

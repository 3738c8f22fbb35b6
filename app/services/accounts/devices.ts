import { UAParser } from 'ua-parser-js'

export type DeviceDescription = { browser: string; os: string; kind: 'Desktop' | 'Phone' | 'Tablet' }

/** A person-readable device from a User-Agent header ("Chrome 131 on Windows 10, desktop"). */
export function describeDevice(userAgent: string | null): DeviceDescription {
  const parsed = new UAParser(userAgent ?? '').getResult()
  const browser = [parsed.browser.name, parsed.browser.major].filter(Boolean).join(' ') || 'Unknown browser'
  const os = [parsed.os.name, parsed.os.version].filter(Boolean).join(' ') || 'Unknown system'
  const kind = parsed.device.type === 'mobile' ? 'Phone' : parsed.device.type === 'tablet' ? 'Tablet' : 'Desktop'
  return { browser, os, kind }
}

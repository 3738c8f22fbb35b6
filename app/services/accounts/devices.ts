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

/** "Firefox 128 on Linux (desktop)", or null without a User-Agent: how pages and emails name a device. */
export function deviceWords(userAgent: string | null): string | null {
  if (!userAgent) return null
  const { browser, os, kind } = describeDevice(userAgent)
  return `${browser} on ${os} (${kind.toLowerCase()})`
}

/**
 * Browser and system names without versions (which change with every update), for telling
 * whether a device cookie still travels with the same browser. A Sec-CH-UA-Platform client hint,
 * when the browser sends one, names the system more reliably than the User-Agent.
 */
export function deviceFamily(userAgent: string | null, platformHint: string | null = null): string {
  const parsed = new UAParser(userAgent ?? '').getResult()
  const os = platformHint?.replace(/"/g, '').trim() || parsed.os.name || 'unknown'
  return `${parsed.browser.name ?? 'unknown'} on ${os}`.toLowerCase()
}

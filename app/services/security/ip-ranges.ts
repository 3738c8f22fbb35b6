import ipaddr from 'ipaddr.js'

/** "203.0.113.0/24", "2001:db8::/32" or a single address (stored as /32 or /128); null if invalid. */
export function normaliseCidr(input: string): string | null {
  const value = input.trim()
  const address = value.split('/')[0] ?? ''
  // ipaddr.js also takes legacy forms such as "10.0.0"; people mean four parts.
  if (!address.includes(':') && !ipaddr.IPv4.isValidFourPartDecimal(address)) return null
  try {
    if (value.includes('/')) {
      const [address, bits] = ipaddr.parseCIDR(value)
      const network = ipaddr.fromByteArray(
        address.toByteArray().map((byte, i) => {
          const keep = Math.max(0, Math.min(8, bits - i * 8))
          return byte & (0xff << (8 - keep))
        }),
      )
      return `${network.toString()}/${bits}`
    }
    const single = ipaddr.parse(value)
    return `${single.toString()}/${single.kind() === 'ipv4' ? 32 : 128}`
  } catch {
    return null
  }
}

/** IPv4-mapped IPv6 ("::ffff:1.2.3.4") counts as the IPv4 address it carries. */
function parseIp(ip: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  try {
    return ipaddr.process(ip)
  } catch {
    return null
  }
}

export function ipInRanges(ip: string | null, cidrs: string[]): boolean {
  if (!ip) return false
  const address = parseIp(ip)
  if (!address) return false
  return cidrs.some((cidr) => {
    try {
      const range = ipaddr.parseCIDR(cidr)
      return address.kind() === range[0].kind() && address.match(range)
    } catch {
      return false
    }
  })
}

/**
 * The network an address counts as for per-IP limits: an IPv4 address itself, and for IPv6 its /64.
 * One home or server is given a whole /64 (2^64 addresses), so counted address by address, every
 * per-IP limit was passed by moving to the next address of the same network.
 */
export function throttleNetworkOf(ip: string): string {
  const address = parseIp(ip)
  if (!address) return ip
  if (address.kind() === 'ipv4') return address.toString()
  return `${normaliseCidr(`${address.toString()}/64`) ?? address.toString()}`
}

import geoip from 'geoip-lite'

export type GeoLocation = { country: string; city: string; latitude: number; longitude: number }

/**
 * Approximate location of an IP from the GeoLite2 database shipped inside geoip-lite (offline).
 * Private, loopback and unknown addresses have none.
 */
export function locateIp(ip: string | null): GeoLocation | null {
  if (!ip) return null
  const found = geoip.lookup(ip.replace(/^::ffff:/, ''))
  const [latitude, longitude] = found?.ll ?? []
  if (!found?.country || typeof latitude !== 'number' || typeof longitude !== 'number') return null
  return { country: found.country, city: found.city ?? '', latitude, longitude }
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' })

/** "St Albans, United Kingdom", or null when the IP has no known place. */
export function describeLocation(ip: string | null): string | null {
  const place = locateIp(ip)
  if (!place) return null
  const country = regionNames.of(place.country) ?? place.country
  return place.city ? `${place.city}, ${country}` : country
}

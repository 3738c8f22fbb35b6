/**
 * Parsing and choices for the profile fields that are not plain text: time zones (IANA names) and
 * spoken languages. No database or server code, so the form can use it in the browser too.
 */
import type { Availability } from '~/domain/enums'

export const AVAILABILITY_LABELS: Record<Availability, string> = {
  full_time: 'Available full time',
  part_time: 'Available part time',
  not_available: 'Not available for new work',
}

let zones: readonly string[] | undefined

/** Every IANA time zone this runtime knows, alphabetically, with UTC first. */
export function timeZoneNames(): readonly string[] {
  if (!zones) {
    const supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []
    zones = ['UTC', ...supported.filter((zone) => zone !== 'UTC').sort()]
  }
  return zones
}

export function isTimeZone(name: string): boolean {
  return timeZoneNames().includes(name)
}

const MAX_LANGUAGES = 10
const MAX_LANGUAGE_LENGTH = 40

/**
 * Splits "English, urdu , English" into ["English", "urdu"]: trimmed, once each (ignoring case),
 * in the order given. Problems come back as messages for the field.
 */
export function parseLanguages(text: string): { languages: string[]; errors: string[] } {
  const seen = new Set<string>()
  const languages: string[] = []
  const errors: string[] = []
  for (const part of text
    .split(/[,\n]/)
    .map((item) => item.trim().replace(/\s+/g, ' '))
    .filter(Boolean)) {
    const key = part.toLocaleLowerCase('en')
    if (seen.has(key)) continue
    seen.add(key)
    if (part.length > MAX_LANGUAGE_LENGTH) errors.push(`"${part.slice(0, 20)}…" is too long for a language name`)
    else if (!/^[\p{L}][\p{L}\p{M} ()'-]*$/u.test(part)) errors.push(`"${part}" does not look like a language name`)
    else languages.push(part)
  }
  if (languages.length > MAX_LANGUAGES) errors.push(`List at most ${MAX_LANGUAGES} languages`)
  return { languages, errors }
}

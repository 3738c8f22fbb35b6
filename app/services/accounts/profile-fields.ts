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

/**
 * Zones ICU still lists under names the tz database has replaced: someone in India looks for
 * Kolkata, not Calcutta, and someone in Ukraine for Kyiv. The list shows the current names.
 */
const RENAMED_ZONES: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
}

function formatsIn(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/** A zone's current IANA name (Asia/Calcutta → Asia/Kolkata), when this runtime can use it. */
export function currentTimeZoneName(name: string): string {
  const current = RENAMED_ZONES[name]
  return current && formatsIn(current) ? current : name
}

/** Every IANA time zone this runtime knows, by its current name, alphabetically, with UTC first. */
export function timeZoneNames(): readonly string[] {
  if (!zones) {
    const supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []
    const names = new Set(supported.filter((zone) => zone !== 'UTC').map(currentTimeZoneName))
    zones = ['UTC', ...[...names].sort()]
  }
  return zones
}

/** A zone of the list, or an older name of one (saved before the list used current names). */
export function isTimeZone(name: string): boolean {
  return timeZoneNames().includes(currentTimeZoneName(name))
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

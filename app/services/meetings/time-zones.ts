/** Every IANA time zone this runtime knows, plus UTC (which Intl leaves out of its list). */
export function timeZoneNames(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone')]
}

export function isTimeZone(name: string): boolean {
  return timeZoneNames().includes(name)
}

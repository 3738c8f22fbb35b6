/**
 * "45", "45.5", "1,250.75" → integer minor units, without going through a float.
 * Returns null when the text is not a plain non-negative amount with at most `digits` decimals.
 */
export function parseAmountToMinor(text: string, digits: number): number | null {
  const cleaned = text.trim().replace(/,/g, '')
  const match = /^(\d{1,12})(?:\.(\d+))?$/.exec(cleaned)
  if (!match) return null
  const [, whole = '0', fraction = ''] = match
  if (fraction.length > digits) return null
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0')
}

export function minorToAmountText(minor: number, digits: number): string {
  const whole = Math.floor(minor / 10 ** digits)
  const fraction = String(minor % 10 ** digits).padStart(digits, '0')
  return digits === 0 || /^0+$/.test(fraction) ? String(whole) : `${whole}.${fraction}`
}

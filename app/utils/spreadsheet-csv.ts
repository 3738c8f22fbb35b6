import { stringify, type Options } from 'csv-stringify/sync'

const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?$/

/**
 * Text a spreadsheet would run as a formula (=, +, -, @, a tab or a carriage return first) is
 * kept as text with a leading apostrophe; plain numbers such as "-12.50" are left alone.
 */
export function spreadsheetSafe(text: string): string {
  if (PLAIN_NUMBER.test(text)) return text
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

/**
 * CSV meant to be opened in a spreadsheet: csv-stringify with every text cell made
 * spreadsheetSafe, so a name or title someone chose cannot become a formula (a HYPERLINK that
 * leaks the sheet, a DDE command) on the computer of whoever downloads it.
 */
export function spreadsheetCsv(records: unknown[][], options: Options = {}): string {
  return stringify(records, { ...options, cast: { ...options.cast, string: (value) => spreadsheetSafe(value) } })
}

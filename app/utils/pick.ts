/**
 * The named fields of a row and no others: what a loader sends to its page, so the page gets only
 * what it shows. Dates stay Dates; Remix's `json` writes them as ISO strings, as `toISOString` does.
 */
export function pick<Row extends object, Key extends keyof Row>(row: Row, keys: readonly Key[]): Pick<Row, Key> {
  const picked = {} as Pick<Row, Key>
  for (const key of keys) picked[key] = row[key]
  return picked
}

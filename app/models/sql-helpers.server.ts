import { sql, type SQL, type Column } from 'drizzle-orm'

/** Case-insensitive "contains" that treats %, _ and \ in user input literally. */
export function containsText(column: Column, text: string): SQL {
  const pattern = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`
  return sql`${column} like ${pattern} escape '\\'`
}

/**
 * The extensions a stored file's name may end in, for each type its bytes can be (uploads.server.ts).
 * Text passes as plain text whatever it holds, so "invoice.html" or "setup.bat" would otherwise be
 * saved under that name and, opened from the downloads folder, run as a page or a program.
 */
const EXTENSIONS_BY_TYPE: Record<string, readonly [string, ...string[]]> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/webp': ['webp'],
  'image/gif': ['gif'],
  'application/pdf': ['pdf'],
  'application/zip': ['zip'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'text/plain': ['txt', 'text', 'md', 'markdown', 'csv', 'tsv', 'log', 'json', 'yaml', 'yml', 'ini', 'cfg', 'conf'],
}

/** Whether a file's name ends in one of a type's extensions ("notes.TXT" is named as plain text). */
export function isNamedAs(name: string, contentType: string): boolean {
  const dot = name.lastIndexOf('.')
  return dot > 0 && (EXTENSIONS_BY_TYPE[contentType]?.includes(name.slice(dot + 1).toLowerCase()) ?? false)
}

/**
 * The name a file is shown and saved under: as given when its extension fits what its bytes are,
 * else with the type's own extension added ("invoice.html" of plain text → "invoice.html.txt").
 */
export function nameForType(name: string, contentType: string): string {
  const extensions = EXTENSIONS_BY_TYPE[contentType]
  if (!extensions || isNamedAs(name, contentType)) return name
  return `${name}.${extensions[0]}`
}

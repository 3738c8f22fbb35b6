const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', pdf: 'application/pdf' } as const

/**
 * A file the browser saves rather than shows (CSV exports, PDF reports and statements). It is the
 * signed-in person's own data, so no shared cache keeps it.
 */
export function downloadResponse(body: BodyInit, filename: string, kind: keyof typeof CONTENT_TYPES = 'csv'): Response {
  return new Response(body, {
    headers: {
      'content-type': CONTENT_TYPES[kind],
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'private, no-store',
    },
  })
}

/** A list export's file name: `megilance-<what>-<today, YYYY-MM-DD>.csv`. */
export function datedCsvFilename(what: string): string {
  return `megilance-${what}-${new Date().toISOString().slice(0, 10)}.csv`
}

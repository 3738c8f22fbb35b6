import type { RangeInput } from './periods'
import { rangeSchema } from './range-schemas'

/** Reads ?range=&from=&to=; a bad value falls back to the last 30 days with the reason, never a 500. */
export function parseRangeQuery(params: URLSearchParams): { input: RangeInput; errors: string[] } {
  const result = rangeSchema.safeParse({
    range: params.get('range') || undefined,
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
  })
  if (result.success) return { input: result.data, errors: [] }
  return { input: { range: '30d' }, errors: result.error.issues.map((issue) => issue.message) }
}

/** The query string that shows the same period again (links to CSV and PDF). */
export function rangeQuery(period: { preset: string; from: string; to: string }): string {
  const params = new URLSearchParams({ range: period.preset })
  if (period.preset === 'custom') {
    params.set('from', period.from)
    params.set('to', period.to)
  }
  return params.toString()
}

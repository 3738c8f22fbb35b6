import type { z } from 'zod'

/** The request's query string read through `schema`, whose `.catch`es turn bad values into defaults. */
export function readQuery<Schema extends z.ZodType>(request: Request, schema: Schema): z.output<Schema> {
  return schema.parse(Object.fromEntries(new URL(request.url).searchParams))
}

import type { z } from 'zod'
import { requireRole } from './auth.server'

/** The request's query string read through `schema`, whose `.catch`es turn bad values into defaults. */
export function readQuery<Schema extends z.ZodType>(request: Request, schema: Schema): z.output<Schema> {
  return schema.parse(Object.fromEntries(new URL(request.url).searchParams))
}

/** An admin list's filters: the query read through `schema`, once the request is known to be an admin's. */
export async function readAdminQuery<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
): Promise<z.output<Schema>> {
  await requireRole(request, 'admin')
  return readQuery(request, schema)
}

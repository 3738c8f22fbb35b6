import * as z from 'zod'

type IntentSchema = z.ZodType<{ intent: string }>

/**
 * Which button sent the form, and what that button's form carries: the route declares each as a
 * member of `z.discriminatedUnion('intent', [...])` and branches on the parsed value. An unknown
 * intent (or a hidden value it needs that is missing) is a 400 with a clear message, never a 500.
 * Fields a person types are still parsed with conform, so their errors come back beside them.
 */
export function parseIntent<Schema extends IntentSchema>(formData: FormData, schema: Schema): z.output<Schema> {
  const result = schema.safeParse(Object.fromEntries(formData))
  if (result.success) return result.data
  const unknown = result.error.issues.some((issue) => issue.path[0] === 'intent')
  throw new Response(
    unknown ? 'Unknown action' : 'That form is missing something it needs. Reload the page and try again.',
    { status: 400 },
  )
}

/**
 * The schema of a form whose buttons carry nothing but their `intent` (one name a button): the
 * same answer as a discriminated union of bare members, and an unknown intent is still a 400.
 */
export function bareIntents<const Names extends readonly [string, ...string[]]>(...names: Names) {
  return z.object({ intent: z.enum(names) })
}

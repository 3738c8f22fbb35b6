import { useForm, type DefaultValue, type SubmissionResult } from '@conform-to/react'
import type { z } from 'zod'

declare const schemaType: unique symbol
type Constraint = NonNullable<Parameters<typeof useForm>[0]['constraint']>[string]

/**
 * A form's HTML constraints (conform's getZodConstraint of its schema), typed by the schema so the
 * fields keep their names and types. The values are generated into form-constraints.ts.
 */
export type FormConstraint<Schema> = Record<string, Constraint> & { readonly [schemaType]?: Schema }

/** The action's reply to a refused form on a page with several forms, addressed to that form by its id. */
export type FormReply = { formId: string; reply: SubmissionResult<string[]> }

/**
 * conform's useForm as every form here uses it: the HTML constraints of the form's zod schema, and
 * the server's answer (lastResult) for the field messages. The schema itself stays on the server,
 * so the browser never loads zod; the messages are the server's, with JavaScript on and off alike.
 * On a page with several forms, `last` is the action's addressed reply: it counts only for the form
 * whose id it names.
 */
export function useZodForm<Schema extends z.ZodType<Record<string, unknown>, Record<string, unknown>>>(
  constraint: FormConstraint<Schema>,
  options: {
    id: string
    lastResult?: SubmissionResult<string[]> | null
    last?: FormReply
    defaultValue?: DefaultValue<z.input<Schema>>
  },
) {
  const { last, ...form } = options
  const lastResult = last?.formId === form.id ? last.reply : form.lastResult
  return useForm<z.input<Schema>, z.output<Schema>>({ ...form, lastResult, constraint })
}

import { getFormProps, getInputProps, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { ErrorList, Field } from '~/components/ui/field'
import { useZodForm } from '~/components/ui/use-zod-form'
import { SaveSearchConstraint } from '~/components/ui/form-constraints/save-search'

/** "Save this search": posts the search's query string and a name to /saved-searches. */
export function SaveSearchForm({
  query,
  suggestedName,
  lastResult,
  what = 'projects',
}: {
  query: string
  suggestedName: string
  lastResult?: SubmissionResult<string[]> | null
  /** What its alerts announce: new projects (a freelancer's search) or new freelancers (a client's). */
  what?: 'projects' | 'freelancers'
}) {
  const [form, fields] = useZodForm(SaveSearchConstraint, {
    id: 'save-search',
    lastResult,
    defaultValue: { name: suggestedName, query, notify: 'on' },
  })
  return (
    <Form method="post" action="/saved-searches" className="save-search form-stack" {...getFormProps(form)}>
      <h2 className="save-search__title">Save this search</h2>
      <ErrorList id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="create" />
      {/* HTML allows `required` on no hidden input; the server still refuses an empty query. */}
      <input {...getInputProps(fields.query, { type: 'hidden' })} required={false} />
      <ErrorList id={fields.query.errorId} errors={fields.query.errors} />
      <Field label="Name" meta={fields.name} hint="For your list; alerts use it too." maxLength={80} />
      <label className="choice">
        <input {...getInputProps(fields.notify, { type: 'checkbox' })} />
        <span className="choice__label">Tell me about new matching {what}</span>
      </label>
      <button type="submit" className="button button--secondary">
        Save search
      </button>
    </Form>
  )
}

import { getFormProps, getInputProps } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { ErrorList } from '~/components/ui/field'
import { useZodForm, type FormReply } from '~/components/ui/use-zod-form'
import { RenameSavedSearchConstraint } from '~/components/ui/form-constraints/rename-saved-search'

/** A saved search's name as a field with a Rename button beside it (one form per search). */
export function RenameSavedSearchForm({ id, name, last }: { id: string; name: string; last?: FormReply }) {
  const [form, fields] = useZodForm(RenameSavedSearchConstraint, {
    id: `rename-${id}`,
    last,
    defaultValue: { searchId: id, name },
  })
  return (
    <Form method="post" className="saved-search__rename" {...getFormProps(form)}>
      <input {...getInputProps(fields.searchId, { type: 'hidden' })} required={false} />
      <label className="visually-hidden" htmlFor={fields.name.id}>
        Name of the saved search “{name}”
      </label>
      <input {...getInputProps(fields.name, { type: 'text' })} maxLength={80} key={name} />
      <button type="submit" name="intent" value="rename" className="button button--ghost">
        Rename
      </button>
      <ErrorList id={fields.name.errorId} errors={fields.name.errors} />
      <ErrorList id={form.errorId} errors={form.errors} />
    </Form>
  )
}

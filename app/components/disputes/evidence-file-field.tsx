import { ErrorList } from '~/components/ui/field'

/**
 * The one optional file a party attaches when opening or answering a dispute, with its upload errors.
 * Its id is the form's id and "-file", as conform names a field, so the form's error summary links to it.
 */
export function EvidenceFileField({ formId, errors }: { formId: string; errors?: string[] }) {
  const id = `${formId}-file`
  const invalid = Boolean(errors?.length)
  return (
    <div className="field">
      <label htmlFor={id}>Evidence file (optional)</label>
      <input
        id={id}
        type="file"
        name="file"
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-hint ${id}-error` : `${id}-hint`}
      />
      <p id={`${id}-hint`} className="field__hint">
        An image, PDF, ZIP, Word or Excel file, or plain text; up to 10 MB.
      </p>
      <ErrorList id={`${id}-error`} errors={errors} />
    </div>
  )
}

import { ErrorList } from '~/components/ui/field'

/** The one optional file a party attaches when opening or answering a dispute, with its upload errors. */
export function EvidenceFileField({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <div className="field">
      <label htmlFor={id}>Evidence file (optional)</label>
      <input id={id} type="file" name="file" aria-describedby={`${id}-hint`} />
      <p id={`${id}-hint`} className="field__hint">
        An image, PDF, ZIP, Word or Excel file, or plain text; up to 10 MB.
      </p>
      <ErrorList errors={errors} />
    </div>
  )
}

import { ErrorList } from './field'

/**
 * A form's own errors (not a field's): a wrong code, a refusal, "too many attempts". The live
 * region is always in the page so screen readers announce a message when it appears.
 */
export function FormAlert({ id, errors }: { id?: string; errors?: string[] | null }) {
  return (
    <div role="alert" className="form-alert" hidden={!errors?.length}>
      <ErrorList id={id} errors={errors} />
    </div>
  )
}

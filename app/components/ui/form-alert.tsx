/** A form's own errors (not a field's), announced to screen readers; nothing when there are none. */
export function FormAlert({ errors }: { errors: string[] | null | undefined }) {
  return errors?.length ? (
    <p className="form-alert" role="alert">
      {errors.join(' ')}
    </p>
  ) : null
}

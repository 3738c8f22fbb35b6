import {
  getCollectionProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type FieldMetadata,
} from '@conform-to/react'
import type { InputHTMLAttributes, ReactNode } from 'react'

type Meta = FieldMetadata<string | number | undefined, Record<string, unknown>, string[]>

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  if (!errors?.length) return null
  return (
    <ul id={id} className="field__errors">
      {errors.map((error) => (
        <li key={error}>{error}</li>
      ))}
    </ul>
  )
}

function Hint({ id, children }: { id: string; children?: ReactNode }) {
  return children ? (
    <p id={id} className="field__hint">
      {children}
    </p>
  ) : null
}

/**
 * " (required)" after a label: seen, and read as part of the field's name, before anyone submits.
 * `required` comes from the form's zod schema (conform's constraint).
 */
export function RequiredMark({ required }: { required?: boolean }) {
  return required ? <span className="field__required"> (required)</span> : null
}

type InputType = 'text' | 'email' | 'password' | 'number' | 'search' | 'tel' | 'url' | 'date'

/** A label (with its required mark), one control, then the control's hint and errors. */
function LabelledControl({
  label,
  meta,
  required,
  hint,
  children,
}: {
  label: string
  meta: Meta
  required?: boolean
  hint?: ReactNode
  children: ReactNode
}) {
  return (
    <div className="field">
      <label htmlFor={meta.id}>
        {label}
        <RequiredMark required={required} />
      </label>
      {children}
      <Hint id={`${meta.id}-hint`}>{hint}</Hint>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  )
}

/** The control's aria-describedby: conform's (its errors) and the hint's, when there is one. */
function describedBy(own: string | undefined, meta: Meta, hint: ReactNode): string | undefined {
  return [own, hint ? `${meta.id}-hint` : undefined].filter(Boolean).join(' ') || undefined
}

/** A labelled input with its hint and errors, wired for screen readers. */
export function Field({
  label,
  meta,
  type = 'text',
  hint,
  ...rest
}: {
  label: string
  meta: Meta
  type?: InputType
  hint?: ReactNode
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'name' | 'id'>) {
  const input = getInputProps(meta, { type, value: type !== 'password' })
  return (
    <LabelledControl label={label} meta={meta} required={input.required ?? meta.required} hint={hint}>
      <input {...input} {...rest} aria-describedby={describedBy(input['aria-describedby'], meta, hint)} />
    </LabelledControl>
  )
}

/** A password the person chooses now (sign up, reset, change): the browser may suggest one; the rules are said. */
export function NewPasswordField({ label, meta }: { label: string; meta: Meta }) {
  return (
    <Field
      label={label}
      meta={meta}
      type="password"
      autoComplete="new-password"
      hint="At least 8 characters. Common passwords are refused."
    />
  )
}

export function TextareaField({
  label,
  meta,
  hint,
  rows = 5,
  code = false,
}: {
  label: string
  meta: Meta
  hint?: ReactNode
  rows?: number
  /** An address or key, not prose: monospace, wrapped at any character, no spelling or autofill. */
  code?: boolean
}) {
  const textarea = getTextareaProps(meta)
  const asCode = code ? { className: 'field__code', spellCheck: false, autoComplete: 'off' } : {}
  return (
    <LabelledControl label={label} meta={meta} required={meta.required} hint={hint}>
      <textarea
        {...textarea}
        {...asCode}
        rows={rows}
        aria-describedby={describedBy(textarea['aria-describedby'], meta, hint)}
      />
    </LabelledControl>
  )
}

/** A labelled select; with `placeholder`, an empty first option (no answer yet) says what to choose. */
export function SelectField({
  label,
  meta,
  options,
  placeholder,
}: {
  label: string
  meta: Meta
  options: ReadonlyArray<{ value: string; label: string }>
  placeholder?: string
}) {
  return (
    <LabelledControl label={label} meta={meta} required={meta.required}>
      {/* With no empty first option a select always has a value, and HTML forbids `required` on it;
          aria-required still tells assistive technology the answer is needed. */}
      <select {...getSelectProps(meta)} required={false} aria-required={meta.required || undefined}>
        {placeholder === undefined ? null : <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </LabelledControl>
  )
}

/** Radio buttons in a fieldset whose legend names the choice. */
export function RadioGroup({
  legend,
  meta,
  options,
}: {
  legend: string
  meta: Meta
  options: ReadonlyArray<{ value: string; label: string; description?: string }>
}) {
  const collection = getCollectionProps(meta, { type: 'radio', options: options.map((option) => option.value) })
  return (
    <fieldset
      id={meta.id}
      className="field choice-group"
      aria-describedby={meta.errors?.length ? meta.errorId : undefined}
    >
      <legend>
        {legend}
        <RequiredMark required={meta.required} />
      </legend>
      {collection.map((props) => {
        const option = options.find((candidate) => candidate.value === props.value)
        return (
          <label key={props.key} className="choice">
            <input {...props} key={undefined} />
            <span>
              <span className="choice__label">{option?.label}</span>
              {option?.description ? <span className="choice__description">{option.description}</span> : null}
            </span>
          </label>
        )
      })}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </fieldset>
  )
}

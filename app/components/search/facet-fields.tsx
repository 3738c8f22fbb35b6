import { Link } from '@remix-run/react'
import { SubmitButton } from '~/components/ui/submit-button'

/**
 * The filter controls both searches build their facets from. They are placed after the results
 * (see SearchForm), outside the form element, and join the page's one GET form by its id.
 */
export const SEARCH_FORM_ID = 'search-form'

function FacetCount({ count }: { count: number }) {
  return <span className="facet__count">({count.toLocaleString('en')})</span>
}

/** One checkbox or radio choice; `count`, when given, is how many results it would keep. */
export function FacetOption({
  type,
  name,
  value,
  checked,
  label,
  count,
}: {
  type: 'checkbox' | 'radio'
  name: string
  value: string
  checked: boolean
  label: string
  count?: number
}) {
  return (
    <label className="facet__option">
      <input type={type} name={name} value={value} defaultChecked={checked} form={SEARCH_FORM_ID} />
      <span>
        {label}
        {count === undefined ? null : (
          <>
            {' '}
            <FacetCount count={count} />
          </>
        )}
      </span>
    </label>
  )
}

export type Choice = { value: string; label: string; count?: number }

/** A one-of-several filter by its query parameter: "any" (the empty value) first, then the choices. */
export function ChoiceFacet({
  name,
  legend,
  anyLabel = 'Any',
  choices,
  checked,
}: {
  name: string
  legend: string
  anyLabel?: string
  choices: readonly Choice[]
  checked: string
}) {
  return (
    <fieldset className="facet">
      <legend>{legend}</legend>
      <FacetOption type="radio" name={name} value="" checked={!checked} label={anyLabel} />
      {choices.map((choice) => (
        <FacetOption key={choice.value} type="radio" name={name} checked={checked === choice.value} {...choice} />
      ))}
    </fieldset>
  )
}

/** A min–max amount filter (query parameters `min` and `max`); `idPrefix` keeps its ids apart from other forms'. */
export function RangeFacet({
  legend,
  idPrefix,
  min,
  max,
  hint,
}: {
  legend: string
  idPrefix: string
  min: string
  max: string
  hint: string
}) {
  return (
    <fieldset className="facet">
      <legend>{legend}</legend>
      <div className="facet__range">
        <div className="field">
          <label htmlFor={`${idPrefix}-min`}>Min</label>
          <input
            id={`${idPrefix}-min`}
            name="min"
            form={SEARCH_FORM_ID}
            inputMode="decimal"
            defaultValue={min}
            size={8}
          />
        </div>
        <div className="field">
          <label htmlFor={`${idPrefix}-max`}>Max</label>
          <input
            id={`${idPrefix}-max`}
            name="max"
            form={SEARCH_FORM_ID}
            inputMode="decimal"
            defaultValue={max}
            size={8}
          />
        </div>
      </div>
      <p className="field__hint">{hint}</p>
    </fieldset>
  )
}

/** The filters' buttons: apply them (without JavaScript the form is only sent this way), or start over. */
export function FacetActions({ clearHref }: { clearHref: string }) {
  return (
    <div className="search-form__actions">
      <SubmitButton form={SEARCH_FORM_ID}>Apply filters</SubmitButton>
      <Link to={clearHref} className="button button--ghost">
        Clear all
      </Link>
    </div>
  )
}

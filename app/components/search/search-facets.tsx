import { Link } from '@remix-run/react'
import type { searchProjects } from '~/models/project-search.server'
import { EXPERIENCE_LEVELS } from '~/domain/enums'
import { EXPERIENCE_LABELS, POSTED_LABELS, POSTED_WITHIN, type SearchParams } from '~/domain/project-search-params'
import { SubmitButton } from '~/components/ui/submit-button'

type Facets = Awaited<ReturnType<typeof searchProjects>>['facets']

function FacetCount({ count }: { count: number | undefined }) {
  return <span className="facet__count">({(count ?? 0).toLocaleString('en')})</span>
}

/**
 * A one-of-several facet, by its query parameter: "any" (the empty value) first, then the choices;
 * with `counted`, each choice shows its number of projects from that facet of the search.
 */
type RadioFacetSpec = {
  name: 'type' | 'posted' | 'rating' | 'level'
  legend: string
  anyLabel: string
  options: readonly (readonly [string, string])[]
  counted?: 'budgetType' | 'clientRating' | 'postedWithin' | 'experienceLevel'
}

const BUDGET_TYPE: RadioFacetSpec = {
  name: 'type',
  legend: 'Budget type',
  anyLabel: 'Any',
  options: [
    ['fixed', 'Fixed price'],
    ['hourly', 'Hourly'],
  ],
  counted: 'budgetType',
}

/** The facets after the budget range, in the order shown. */
const LATER_FACETS: readonly RadioFacetSpec[] = [
  {
    name: 'posted',
    legend: 'Posted within',
    anyLabel: 'Any time',
    options: POSTED_WITHIN.map((days) => [days, POSTED_LABELS[days]] as const),
    counted: 'postedWithin',
  },
  {
    name: 'rating',
    legend: 'Client rating',
    anyLabel: 'Any',
    options: (['4', '4.5'] as const).map((rating) => [rating, `${rating} stars and up`] as const),
    counted: 'clientRating',
  },
  {
    name: 'level',
    legend: 'Experience level',
    anyLabel: 'Any',
    options: EXPERIENCE_LEVELS.map((level) => [level, EXPERIENCE_LABELS[level]] as const),
    counted: 'experienceLevel',
  },
]

function RadioFacet({ spec, params, facets }: { spec: RadioFacetSpec; params: SearchParams; facets: Facets }) {
  const { name, legend, anyLabel, options, counted } = spec
  const checked = params[name]
  return (
    <fieldset className="facet">
      <legend>{legend}</legend>
      <label className="facet__option">
        <input type="radio" name={name} value="" defaultChecked={!checked} />
        <span>{anyLabel}</span>
      </label>
      {options.map(([value, label]) => (
        <label key={value} className="facet__option">
          <input type="radio" name={name} value={value} defaultChecked={checked === value} />
          <span>
            {label}
            {counted ? (
              <>
                {' '}
                <FacetCount count={facets[counted].find((facet) => facet.value === value)?.count} />
              </>
            ) : null}
          </span>
        </label>
      ))}
    </fieldset>
  )
}

/** The Find work filters with their counts; part of the page's one GET form. */
export function SearchFacets({ params, facets }: { params: SearchParams; facets: Facets }) {
  return (
    <div className="search-facets">
      <fieldset className="facet">
        <legend>Skills</legend>
        {facets.skills.length ? (
          facets.skills.map((facet) => (
            <label key={facet.value} className="facet__option">
              <input
                type="checkbox"
                name="skill"
                value={facet.value}
                defaultChecked={params.skills.includes(facet.value)}
              />
              <span>
                {facet.value} <FacetCount count={facet.count} />
              </span>
            </label>
          ))
        ) : (
          <p className="muted">No skills among these projects.</p>
        )}
      </fieldset>

      <RadioFacet spec={BUDGET_TYPE} params={params} facets={facets} />

      <fieldset className="facet">
        <legend>Budget (in the project’s currency)</legend>
        <div className="facet__range">
          <div className="field">
            <label htmlFor="search-min">Min</label>
            <input id="search-min" name="min" inputMode="decimal" defaultValue={params.min} size={8} />
          </div>
          <div className="field">
            <label htmlFor="search-max">Max</label>
            <input id="search-max" name="max" inputMode="decimal" defaultValue={params.max} size={8} />
          </div>
        </div>
        <p className="field__hint">A fixed price, or an hourly rate, in whole units (e.g. 500).</p>
      </fieldset>

      {LATER_FACETS.map((spec) => (
        <RadioFacet key={spec.name} spec={spec} params={params} facets={facets} />
      ))}

      <div className="search-form__actions">
        <SubmitButton>Apply filters</SubmitButton>
        <Link to="/projects" className="button button--ghost">
          Clear all
        </Link>
      </div>
    </div>
  )
}

import { Link } from '@remix-run/react'
import type { searchProjects } from '~/models/project-search.server'
import { EXPERIENCE_LEVELS } from '~/domain/enums'
import { EXPERIENCE_LABELS, POSTED_LABELS, POSTED_WITHIN, type SearchParams } from '~/domain/project-search-params'
import { SubmitButton } from '~/components/ui/submit-button'

type Facets = Awaited<ReturnType<typeof searchProjects>>['facets']

function FacetCount({ count }: { count: number | undefined }) {
  return <span className="facet__count">({(count ?? 0).toLocaleString('en')})</span>
}

/** One choice of several, "any" (the empty value) first; with `count`, each choice shows its number of projects. */
function RadioFacet({
  legend,
  name,
  anyLabel,
  checked,
  options,
  count,
}: {
  legend: string
  name: string
  anyLabel: string
  checked: string
  options: readonly (readonly [string, string])[]
  count?: (value: string) => number | undefined
}) {
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
            {count ? (
              <>
                {' '}
                <FacetCount count={count(value)} />
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
  const typeCount = (value: string) => facets.budgetType.find((facet) => facet.value === value)?.count
  const ratingCount = (value: string) => facets.clientRating.find((facet) => facet.value === value)?.count
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

      <RadioFacet
        legend="Budget type"
        name="type"
        anyLabel="Any"
        checked={params.type}
        options={[
          ['fixed', 'Fixed price'],
          ['hourly', 'Hourly'],
        ]}
        count={typeCount}
      />

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

      <RadioFacet
        legend="Posted within"
        name="posted"
        anyLabel="Any time"
        checked={params.posted}
        options={POSTED_WITHIN.map((days) => [days, POSTED_LABELS[days]] as const)}
      />

      <RadioFacet
        legend="Client rating"
        name="rating"
        anyLabel="Any"
        checked={params.rating}
        options={(['4', '4.5'] as const).map((rating) => [rating, `${rating} stars and up`] as const)}
        count={ratingCount}
      />

      <RadioFacet
        legend="Experience level"
        name="level"
        anyLabel="Any"
        checked={params.level}
        options={EXPERIENCE_LEVELS.map((level) => [level, EXPERIENCE_LABELS[level]] as const)}
      />

      <div className="search-form__actions">
        <SubmitButton>Apply filters</SubmitButton>
        <Link to="/projects" className="button button--ghost">
          Clear all
        </Link>
      </div>
    </div>
  )
}

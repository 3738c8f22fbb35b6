import { Link } from '@remix-run/react'
import type { searchProjects } from '~/models/project-search.server'
import { EXPERIENCE_LEVELS } from '~/domain/enums'
import { EXPERIENCE_LABELS, POSTED_LABELS, POSTED_WITHIN, type SearchParams } from '~/domain/project-search-params'

type Facets = Awaited<ReturnType<typeof searchProjects>>['facets']

function FacetCount({ count }: { count: number | undefined }) {
  return <span className="facet__count">({(count ?? 0).toLocaleString('en')})</span>
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

      <fieldset className="facet">
        <legend>Budget type</legend>
        <label className="facet__option">
          <input type="radio" name="type" value="" defaultChecked={!params.type} />
          <span>Any</span>
        </label>
        <label className="facet__option">
          <input type="radio" name="type" value="fixed" defaultChecked={params.type === 'fixed'} />
          <span>
            Fixed price <FacetCount count={typeCount('fixed')} />
          </span>
        </label>
        <label className="facet__option">
          <input type="radio" name="type" value="hourly" defaultChecked={params.type === 'hourly'} />
          <span>
            Hourly <FacetCount count={typeCount('hourly')} />
          </span>
        </label>
      </fieldset>

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

      <fieldset className="facet">
        <legend>Posted within</legend>
        <label className="facet__option">
          <input type="radio" name="posted" value="" defaultChecked={!params.posted} />
          <span>Any time</span>
        </label>
        {POSTED_WITHIN.map((days) => (
          <label key={days} className="facet__option">
            <input type="radio" name="posted" value={days} defaultChecked={params.posted === days} />
            <span>{POSTED_LABELS[days]}</span>
          </label>
        ))}
      </fieldset>

      <fieldset className="facet">
        <legend>Client rating</legend>
        <label className="facet__option">
          <input type="radio" name="rating" value="" defaultChecked={!params.rating} />
          <span>Any</span>
        </label>
        {(['4', '4.5'] as const).map((rating) => (
          <label key={rating} className="facet__option">
            <input type="radio" name="rating" value={rating} defaultChecked={params.rating === rating} />
            <span>
              {rating} stars and up <FacetCount count={ratingCount(rating)} />
            </span>
          </label>
        ))}
      </fieldset>

      <fieldset className="facet">
        <legend>Experience level</legend>
        <label className="facet__option">
          <input type="radio" name="level" value="" defaultChecked={!params.level} />
          <span>Any</span>
        </label>
        {EXPERIENCE_LEVELS.map((level) => (
          <label key={level} className="facet__option">
            <input type="radio" name="level" value={level} defaultChecked={params.level === level} />
            <span>{EXPERIENCE_LABELS[level]}</span>
          </label>
        ))}
      </fieldset>

      <div className="search-form__actions">
        <button type="submit" className="button button--primary">
          Apply filters
        </button>
        <Link to="/projects" className="button button--ghost">
          Clear all
        </Link>
      </div>
    </div>
  )
}

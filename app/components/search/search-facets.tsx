import type { searchProjects } from '~/models/project-search.server'
import { EXPERIENCE_LEVELS } from '~/domain/enums'
import { EXPERIENCE_LABELS, POSTED_LABELS, POSTED_WITHIN, type SearchParams } from '~/domain/project-search-params'
import { ChoiceFacet, FacetActions, FacetOption, RangeFacet } from './facet-fields'

type Facets = Awaited<ReturnType<typeof searchProjects>>['facets']

/** A one-of-several facet by its query parameter; each choice shows its number of projects from that facet's counts. */
type CountedFacet = {
  name: 'type' | 'posted' | 'rating' | 'level'
  legend: string
  anyLabel: string
  choices: readonly (readonly [string, string])[]
  counted: 'budgetType' | 'clientRating' | 'postedWithin' | 'experienceLevel'
}

const BUDGET_TYPE: CountedFacet = {
  name: 'type',
  legend: 'Budget type',
  anyLabel: 'Any',
  choices: [
    ['fixed', 'Fixed price'],
    ['hourly', 'Hourly'],
  ],
  counted: 'budgetType',
}

/** The facets after the budget range, in the order shown. */
const LATER_FACETS: readonly CountedFacet[] = [
  {
    name: 'posted',
    legend: 'Posted within',
    anyLabel: 'Any time',
    choices: POSTED_WITHIN.map((days) => [days, POSTED_LABELS[days]] as const),
    counted: 'postedWithin',
  },
  {
    name: 'rating',
    legend: 'Client rating',
    anyLabel: 'Any',
    choices: (['4', '4.5'] as const).map((rating) => [rating, `${rating} stars and up`] as const),
    counted: 'clientRating',
  },
  {
    name: 'level',
    legend: 'Experience level',
    anyLabel: 'Any',
    choices: EXPERIENCE_LEVELS.map((level) => [level, EXPERIENCE_LABELS[level]] as const),
    counted: 'experienceLevel',
  },
]

function CountedChoiceFacet({ spec, params, facets }: { spec: CountedFacet; params: SearchParams; facets: Facets }) {
  const { name, legend, anyLabel, choices, counted } = spec
  return (
    <ChoiceFacet
      name={name}
      legend={legend}
      anyLabel={anyLabel}
      checked={params[name]}
      choices={choices.map(([value, label]) => ({
        value,
        label,
        count: facets[counted].find((facet) => facet.value === value)?.count ?? 0,
      }))}
    />
  )
}

/** The Find work filters with their counts; part of the page's one GET form (by its id). */
export function SearchFacets({ params, facets }: { params: SearchParams; facets: Facets }) {
  return (
    <div className="search-facets">
      <fieldset className="facet">
        <legend>Skills</legend>
        {facets.skills.length ? (
          facets.skills.map((facet) => (
            <FacetOption
              key={facet.value}
              type="checkbox"
              name="skill"
              value={facet.value}
              checked={params.skills.includes(facet.value)}
              label={facet.value}
              count={facet.count}
            />
          ))
        ) : (
          <p className="muted">No skills among these projects.</p>
        )}
      </fieldset>

      <CountedChoiceFacet spec={BUDGET_TYPE} params={params} facets={facets} />

      <RangeFacet
        legend="Budget (in the project’s currency)"
        idPrefix="search"
        min={params.min}
        max={params.max}
        hint="A fixed price, or an hourly rate, in whole units (e.g. 500)."
      />

      {LATER_FACETS.map((spec) => (
        <CountedChoiceFacet key={spec.name} spec={spec} params={params} facets={facets} />
      ))}

      <FacetActions clearHref="/projects" />
    </div>
  )
}

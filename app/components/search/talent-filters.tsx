import { AVAILABLE_LABELS, RATING_LABELS, type TalentParams } from '~/domain/talent-search-params'
import { ChoiceFacet, FacetActions, FacetOption, RangeFacet, SEARCH_FORM_ID } from './facet-fields'

const AVAILABLE_CHOICES = (['yes', 'full_time'] as const).map((value) => ({ value, label: AVAILABLE_LABELS[value] }))
// In this order: RATING_LABELS's own key order puts the integer-like '4' first.
const RATING_CHOICES = (['reviewed', '4', '4.5'] as const).map((value) => ({ value, label: RATING_LABELS[value] }))

/** The talent search's filters; part of the page's one GET form (by its id). `skillNames`: the taxonomy, for typing a skill. */
export function TalentFilters({ params, skillNames }: { params: TalentParams; skillNames: readonly string[] }) {
  return (
    <div className="search-facets">
      <fieldset className="facet">
        <legend>Skills</legend>
        {params.skills.map((skill) => (
          <FacetOption key={skill} type="checkbox" name="skill" value={skill} checked label={skill} />
        ))}
        <div className="field">
          <label htmlFor="talent-skill">{params.skills.length ? 'Add a skill' : 'Has the skill'}</label>
          <input
            id="talent-skill"
            name="skill"
            form={SEARCH_FORM_ID}
            list="talent-skill-names"
            autoComplete="off"
            maxLength={60}
          />
          <datalist id="talent-skill-names">
            {skillNames.map((skill) => (
              <option key={skill} value={skill} />
            ))}
          </datalist>
          <p className="field__hint">
            Freelancers who list every chosen skill. Short forms such as k8s are understood.
          </p>
        </div>
      </fieldset>

      <RangeFacet
        legend="Hourly rate (in the freelancer’s currency)"
        idPrefix="talent"
        min={params.min}
        max={params.max}
        hint="Whole units an hour, e.g. 25 to 60."
      />

      <ChoiceFacet name="available" legend="Availability" choices={AVAILABLE_CHOICES} checked={params.available} />
      <ChoiceFacet name="rating" legend="Rating" choices={RATING_CHOICES} checked={params.rating} />

      <FacetActions clearHref="/freelancers" />
    </div>
  )
}

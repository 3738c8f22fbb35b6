import { Link } from '@remix-run/react'
import { AVAILABLE_LABELS, RATING_LABELS, type TalentParams } from '~/domain/talent-search-params'
import { SubmitButton } from '~/components/ui/submit-button'

const AVAILABLE_ORDER = ['yes', 'full_time'] as const
const RATING_ORDER = ['reviewed', '4', '4.5'] as const

/** The talent search's filters; part of the page's one GET form. `skillNames`: the taxonomy, for typing a skill. */
export function TalentFilters({ params, skillNames }: { params: TalentParams; skillNames: readonly string[] }) {
  return (
    <div className="search-facets">
      <fieldset className="facet">
        <legend>Skills</legend>
        {params.skills.map((skill) => (
          <label key={skill} className="facet__option">
            <input type="checkbox" name="skill" value={skill} defaultChecked />
            <span>{skill}</span>
          </label>
        ))}
        <div className="field">
          <label htmlFor="talent-skill">{params.skills.length ? 'Add a skill' : 'Has the skill'}</label>
          <input id="talent-skill" name="skill" list="talent-skill-names" autoComplete="off" maxLength={60} />
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

      <fieldset className="facet">
        <legend>Hourly rate (in the freelancer’s currency)</legend>
        <div className="facet__range">
          <div className="field">
            <label htmlFor="talent-min">Min</label>
            <input id="talent-min" name="min" inputMode="decimal" defaultValue={params.min} size={8} />
          </div>
          <div className="field">
            <label htmlFor="talent-max">Max</label>
            <input id="talent-max" name="max" inputMode="decimal" defaultValue={params.max} size={8} />
          </div>
        </div>
        <p className="field__hint">Whole units an hour, e.g. 25 to 60.</p>
      </fieldset>

      <fieldset className="facet">
        <legend>Availability</legend>
        <label className="facet__option">
          <input type="radio" name="available" value="" defaultChecked={!params.available} />
          <span>Any</span>
        </label>
        {AVAILABLE_ORDER.map((value) => (
          <label key={value} className="facet__option">
            <input type="radio" name="available" value={value} defaultChecked={params.available === value} />
            <span>{AVAILABLE_LABELS[value]}</span>
          </label>
        ))}
      </fieldset>

      <fieldset className="facet">
        <legend>Rating</legend>
        <label className="facet__option">
          <input type="radio" name="rating" value="" defaultChecked={!params.rating} />
          <span>Any</span>
        </label>
        {RATING_ORDER.map((value) => (
          <label key={value} className="facet__option">
            <input type="radio" name="rating" value={value} defaultChecked={params.rating === value} />
            <span>{RATING_LABELS[value]}</span>
          </label>
        ))}
      </fieldset>

      <div className="search-form__actions">
        <SubmitButton>Apply filters</SubmitButton>
        <Link to="/freelancers" className="button button--ghost">
          Clear all
        </Link>
      </div>
    </div>
  )
}

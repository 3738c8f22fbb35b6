import type { ReactNode } from 'react'
import { SubmitButton } from '~/components/ui/submit-button'

/** The head of a search page's one GET form: keywords with the Search button, then the sort. */

/** The keywords box (query parameter `q`) and the button that sends the whole form. */
export function KeywordsField({ id, value, placeholder }: { id: string; value: string; placeholder: string }) {
  return (
    <div className="search-form__keywords field">
      <label htmlFor={id}>Keywords</label>
      <div className="search-form__row">
        <input id={id} name="q" type="search" defaultValue={value} maxLength={200} placeholder={placeholder} />
        <SubmitButton>Search</SubmitButton>
      </div>
    </div>
  )
}

/** The sort (query parameter `sort`) among `sorts` ([value, label]); `rule`, when given, says how it orders. */
export function SortField({
  id,
  value,
  sorts,
  rule,
}: {
  id: string
  value: string
  sorts: readonly (readonly [string, string])[]
  rule?: ReactNode
}) {
  const ruleId = `${id}-rule`
  return (
    <div className="field search-form__sort">
      <label htmlFor={id}>Sort by</label>
      <select id={id} name="sort" defaultValue={value} aria-describedby={rule ? ruleId : undefined}>
        {sorts.map(([sort, label]) => (
          <option key={sort} value={sort}>
            {label}
          </option>
        ))}
      </select>
      {rule ? (
        <p className="field__hint" id={ruleId}>
          {rule}
        </p>
      ) : null}
    </div>
  )
}

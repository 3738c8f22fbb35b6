import type { ComponentProps, ReactNode } from 'react'
import { Form } from '@remix-run/react'
import { SubmitButton } from '~/components/ui/submit-button'
import { SEARCH_FORM_ID } from './facet-fields'

/**
 * A search page's layout around its one GET form: keywords and sort first, then the results
 * (`children`), then the filters. The filters sit after the results in the page, so a phone shows
 * projects before a long list of checkboxes; their fields still belong to the same form (the
 * `form` attribute, through `SearchFormId`), so keywords, sort and filters travel together, with or
 * without JavaScript. On a wide screen the filters take the left column beside the results.
 * `query` is the search's canonical query string: a new search renders fresh fields, so they show
 * what was searched rather than what was last typed.
 */
export function SearchForm({
  action,
  label,
  query,
  keywords,
  sort,
  filters,
  children,
}: {
  action: string
  label: string
  query: string
  keywords: ComponentProps<typeof KeywordsField>
  sort: ComponentProps<typeof SortField>
  filters: ReactNode
  children: ReactNode
}) {
  // Both keys change with the search (fresh fields); they differ, as sibling keys must, or React keeps old copies.
  return (
    <div className="search-layout">
      <Form
        method="get"
        action={action}
        id={SEARCH_FORM_ID}
        className="search-form"
        role="search"
        aria-label={label}
        key={`form ${query}`}
      >
        <KeywordsField {...keywords} />
        <SortField {...sort} />
        <a className="skip-narrow" href="#search-filters">
          Filters: skills, budget and more
        </a>
      </Form>

      {children}

      <section
        className="search-filters"
        id="search-filters"
        aria-labelledby="search-filters-heading"
        key={`filters ${query}`}
      >
        <h2 id="search-filters-heading" className="search-filters__heading">
          Filters
        </h2>
        {filters}
      </section>
    </div>
  )
}

/** The keywords box (query parameter `q`) and the button that sends the whole form. */
function KeywordsField({ id, value, placeholder }: { id: string; value: string; placeholder: string }) {
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
function SortField({
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
      {/* Folded: spelled out, the rule pushed a phone's first result below the screen. */}
      {rule ? (
        <details className="field__hint">
          <summary>How this order works</summary>
          <p id={ruleId}>{rule}</p>
        </details>
      ) : null}
    </div>
  )
}

import type { ComponentProps, ReactNode } from 'react'
import { Form } from '@remix-run/react'
import { SubmitButton } from '~/components/ui/submit-button'

/**
 * A search page's one GET form: keywords, sort and the search's filters (`children`) travel together,
 * with or without JavaScript. `query` is the search's canonical query string: a new search renders a
 * fresh form, so the fields show what was searched rather than what was last typed.
 */
export function SearchForm({
  action,
  label,
  query,
  keywords,
  sort,
  children,
}: {
  action: string
  label: string
  query: string
  keywords: ComponentProps<typeof KeywordsField>
  sort: ComponentProps<typeof SortField>
  children: ReactNode
}) {
  return (
    <Form method="get" action={action} className="search-form" role="search" aria-label={label} key={query}>
      <KeywordsField {...keywords} />
      <SortField {...sort} />

      <a className="skip-narrow" href="#search-results">
        Jump to the results
      </a>

      {children}
    </Form>
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
      {rule ? (
        <p className="field__hint" id={ruleId}>
          {rule}
        </p>
      ) : null}
    </div>
  )
}

import { Link } from '@remix-run/react'
import { pageCount } from '~/domain/paging'

type NoResultsProps = {
  /** How many match in all, and how many a page holds: with matches, an empty page is past the last one. */
  total: number
  pageSize: number
  /** The search's first page (offered when the page asked for is past the last one). */
  firstPageHref: string
  /** The same search with misspelt words corrected, when that finds projects. */
  correction: { q: string; total: number; href: string } | null
  /** The search with one of its words left out, where that finds something (most specific first). */
  fewerWords?: Array<{ left: string; q: string; total: number; href: string }>
  /** Links that widen the search, one filter or the keywords at a time. */
  removals: Array<{ label: string; href: string }>
  hasKeywords: boolean
  /** What the search lists: Find work's open projects, or the talent search's freelancers. */
  what?: 'projects' | 'freelancers'
}

const NOTHING_LISTED = {
  projects: 'There are no open projects right now. Come back soon, or save a search to hear about new ones.',
  freelancers: 'No freelancer is listed yet. Come back soon.',
}

/** What Find work (or the talent search) says when a page has nothing, and what to try next. */
export function NoResults({
  total,
  pageSize,
  firstPageHref,
  correction,
  fewerWords = [],
  removals,
  hasKeywords,
  what = 'projects',
}: NoResultsProps) {
  const counted = (total: number) =>
    `${total.toLocaleString('en')} ${what === 'projects' ? 'project' : 'freelancer'}${total === 1 ? '' : 's'}`
  return (
    <div className="empty card">
      <h2>{what === 'projects' ? 'No open projects match' : 'No freelancers match'}</h2>
      {total > 0 ? (
        <p>
          There are only {pageCount(total, pageSize)} pages. <Link to={firstPageHref}>Go to the first page</Link>.
        </p>
      ) : (
        <>
          {correction ? (
            <p>
              Did you mean <Link to={correction.href}>“{correction.q}”</Link>? It finds {counted(correction.total)}.
            </p>
          ) : null}
          {fewerWords.length ? (
            <>
              <p>None has all of your words. Leave one out:</p>
              <ul className="link-list">
                {fewerWords.map((search) => (
                  <li key={search.href}>
                    <Link to={search.href}>“{search.q}”</Link> finds {counted(search.total)} (without “{search.left}”)
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {removals.length ? (
            <>
              <p>Try widening the search:</p>
              <ul className="link-list">
                {removals.map((removal) => (
                  <li key={removal.href}>
                    <Link to={removal.href}>{removal.label}</Link>
                  </li>
                ))}
              </ul>
              {hasKeywords ? (
                <p className="muted">Fewer or shorter words find more: “dash” also finds “dashboard”.</p>
              ) : null}
            </>
          ) : (
            <p>{NOTHING_LISTED[what]}</p>
          )}
        </>
      )}
    </div>
  )
}

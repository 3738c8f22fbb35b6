import { Link, useLocation } from '@remix-run/react'
import { pageCount } from '~/domain/paging'

/** Previous/next links that keep the other query parameters (the current page's unless `search` is given). */
export function Pagination({
  page,
  pageSize,
  total,
  search,
}: {
  page: number
  pageSize: number
  total: number
  search?: string
}) {
  const location = useLocation()
  const pages = pageCount(total, pageSize)
  if (pages <= 1) return null
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(search ?? location.search)
    params.set('page', String(target))
    return `?${params}`
  }
  return (
    <nav className="pagination" aria-label="Pagination">
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev">
          Previous
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link to={hrefFor(page + 1)} rel="next">
          Next
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
    </nav>
  )
}

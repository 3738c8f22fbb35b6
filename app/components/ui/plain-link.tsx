import type { AnchorHTMLAttributes } from 'react'

/**
 * A link to a page of this app, rendered as a plain anchor: the same HTML as Remix's `<Link>`
 * (`data-discover` keeps its route discovery), without its hooks. A `<Link>` resolves its path and
 * subscribes to the location and navigation state each time it renders, which cost more than the
 * rest of a dashboard card. With JavaScript, the one handler on the page (`useFollowPlainLinks`, in the
 * root) makes a plain click navigate client-side as a `<Link>` would; without, it is an ordinary link.
 *
 * Only for absolute paths inside the app (`/contracts/…`); anything a `<Link>` does beyond a plain
 * navigation (relative paths, `replace`, `state`, `reloadDocument`, prefetching) needs a `<Link>`.
 */
export function PlainLink({ to, children, ...props }: { to: `/${string}` } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  return (
    <a href={to} data-discover="true" {...props}>
      {children}
    </a>
  )
}

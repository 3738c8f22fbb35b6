import { Link } from '@remix-run/react'

/** The top of a page under Settings → Security: the way back to the security overview, then the page's heading. */
export function SecuritySubpageHeading({ title }: { title: string }) {
  return (
    <>
      <p>
        <Link to="/settings/security">← Security</Link>
      </p>
      <h2>{title}</h2>
    </>
  )
}

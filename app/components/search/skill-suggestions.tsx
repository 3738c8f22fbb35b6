import { Link } from '@remix-run/react'
import { InlineList } from '~/components/ui/inline-list'
import type { SkillSuggestionLine } from '~/domain/search-query'

/** Skills to search by beside the results, each a link to the changed search (see skillSuggestionLines). */
export function SkillSuggestions({ lines }: { lines: readonly SkillSuggestionLine[] }) {
  if (!lines.length) return null
  return (
    <nav aria-label="Skills for your search">
      {lines.map((line) => (
        <p key={line.label}>
          {line.label}{' '}
          <InlineList items={line.links} separator=" · " keyOf={(link) => link.skill}>
            {(link) => <Link to={link.href}>{link.skill}</Link>}
          </InlineList>
        </p>
      ))}
    </nav>
  )
}

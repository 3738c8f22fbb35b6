import { Link } from '@remix-run/react'
import { InlineList } from '~/components/ui/inline-list'

type SearchedSkills = { q: string; skills: string[] }

/**
 * Skills to search by beside the results: those the keywords name (taking the place of the
 * keywords) and related ones (added to the search). `hrefOf` gives the address of a changed search.
 */
export function SkillSuggestions<Params extends SearchedSkills>({
  params,
  wordSkills,
  nearSkills,
  hrefOf,
}: {
  params: Params
  wordSkills: readonly string[]
  nearSkills: readonly string[]
  hrefOf: (params: Params) => string
}) {
  const lines = [
    { label: 'Search by skill instead:', skills: wordSkills, change: { q: '' } },
    { label: 'Related skills:', skills: nearSkills, change: {} },
  ].filter((line) => line.skills.length)
  if (!lines.length) return null
  return (
    <nav aria-label="Skills for your search">
      {lines.map((line) => (
        <p key={line.label}>
          {line.label}{' '}
          <InlineList items={line.skills} separator=" · " keyOf={(skill) => skill}>
            {(skill) => (
              <Link to={hrefOf({ ...params, ...line.change, skills: [...params.skills, skill] })}>{skill}</Link>
            )}
          </InlineList>
        </p>
      ))}
    </nav>
  )
}

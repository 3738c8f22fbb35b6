import { Link } from '@remix-run/react'
import { SkillTags } from '~/components/projects/skill-tags'
import type { Availability } from '~/domain/enums'
import { formatMoney } from '~/utils/format'
import type { searchFreelancers } from '~/models/talent-search.server'

/** One row of the talent search, as the model gives it. */
type TalentRow = Awaited<ReturnType<typeof searchFreelancers>>['rows'][number]

const AVAILABILITY_WORDS: Record<Availability, string> = {
  full_time: 'Available full time',
  part_time: 'Available part time',
  not_available: 'Not taking new work',
}

/** One freelancer in the talent search: who, what they do, rate, rating, skills, availability. */
export function TalentResult({ freelancer }: { freelancer: TalentRow }) {
  const headingId = `talent-${freelancer.id}`
  const more = freelancer.skillCount - freelancer.skills.length
  return (
    <article className="search-result talent-result" aria-labelledby={headingId}>
      <h2 className="search-result__title" id={headingId}>
        <Link to={`/freelancers/${freelancer.id}`}>{freelancer.name}</Link>
      </h2>
      <p className="talent-result__headline">{freelancer.headline}</p>
      <p className="search-result__meta">
        <span className="talent-result__rate">
          {formatMoney(freelancer.hourlyRateMinor, freelancer.currency)} / hour
        </span>
        <span>
          {freelancer.rating !== null && freelancer.reviewCount > 0
            ? `Rated ${freelancer.rating.toFixed(1)} of 5 (${freelancer.reviewCount} ${freelancer.reviewCount === 1 ? 'review' : 'reviews'})`
            : 'No reviews yet'}
        </span>
        <span className={freelancer.availability === 'not_available' ? undefined : 'talent-result__available'}>
          {AVAILABILITY_WORDS[freelancer.availability]}
        </span>
      </p>
      <SkillTags skills={freelancer.skills} />
      {more > 0 ? (
        <p className="muted talent-result__more">
          and {more} more {more === 1 ? 'skill' : 'skills'}
        </p>
      ) : null}
    </article>
  )
}

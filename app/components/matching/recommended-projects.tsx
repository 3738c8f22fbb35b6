import { PlainLink } from '~/components/ui/plain-link'
import { MatchBreakdown, MatchSummary, type MatchData, type MatchSummaryData } from './match-breakdown'

/** With the factors' points (the Recommended page), or the match in words alone (the dashboard). */
export type RecommendedProjectData = { id: string; title: string; match: MatchData | MatchSummaryData }

/** The freelancer's recommended projects, each with its match in words. */
export function RecommendedProjects({ projects }: { projects: RecommendedProjectData[] }) {
  return (
    <ol className="link-list" aria-label="Recommended projects">
      {projects.map(({ id, title, match }) => (
        <li key={id}>
          <article aria-label={title}>
            <h3>
              <PlainLink to={`/projects/${id}`}>{title}</PlainLink>
            </h3>
            {'factors' in match ? (
              <MatchBreakdown match={match} newcomerBadge={false} />
            ) : (
              <div className="match-breakdown">
                <MatchSummary match={match} newcomerBadge={false} />
              </div>
            )}
          </article>
        </li>
      ))}
    </ol>
  )
}

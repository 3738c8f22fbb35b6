import { PlainLink } from '~/components/ui/plain-link'
import { MatchBreakdown, type MatchData } from './match-breakdown'

export type RecommendedProjectData = { id: string; title: string; skills: string[]; match: MatchData }

/** The freelancer's recommended projects, each with its match in words. */
export function RecommendedProjects({ projects }: { projects: RecommendedProjectData[] }) {
  return (
    <ol className="link-list" aria-label="Recommended projects">
      {projects.map((project) => (
        <li key={project.id}>
          <article aria-label={project.title}>
            <h3>
              <PlainLink to={`/projects/${project.id}`}>{project.title}</PlainLink>
            </h3>
            <MatchBreakdown match={project.match} />
          </article>
        </li>
      ))}
    </ol>
  )
}

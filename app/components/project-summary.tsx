import { PlainLink } from '~/components/ui/plain-link'
import { formatDate, formatMoney } from '~/utils/format'

/** What a project card shows of every project: its name and budget. */
export type ProjectCardBasics = {
  id: string
  title: string
  budgetType: 'fixed' | 'hourly'
  budgetMinMinor: number
  budgetMaxMinor: number
  currency: string
}

export type ProjectSummaryData = ProjectCardBasics & {
  createdAt: string | number | Date
  status?: 'open' | 'closed'
  /** The skills worth naming to this reader (the freelancer's own, on their dashboard). */
  skills?: string[]
}

export function budgetLabel(project: ProjectCardBasics): string {
  if (project.budgetType === 'fixed') return `Fixed ${formatMoney(project.budgetMaxMinor, project.currency)}`
  return `${formatMoney(project.budgetMinMinor, project.currency)}–${formatMoney(project.budgetMaxMinor, project.currency)} / hour`
}

/** A project's budget, when it was posted and the skills worth naming, in one line of text. */
function projectDetails(project: ProjectSummaryData): string {
  const skills = project.skills?.length ? ` · needs ${project.skills.join(', ')}` : ''
  return ` · ${budgetLabel(project)} · posted ${formatDate(project.createdAt)}${skills}`
}

/**
 * Project summaries as a list, one line each, then a link to all of them (the dashboards): a
 * dashboard points at projects, their pages show the rest.
 */
export function ProjectSummaryList({
  projects,
  all,
}: {
  projects: readonly ProjectSummaryData[]
  all: { to: `/${string}`; label: string }
}) {
  return (
    <>
      <ul className="list list--lines">
        {projects.map((project) => (
          <li key={project.id}>
            <PlainLink to={`/projects/${project.id}`}>{project.title}</PlainLink>
            {project.status ? <span className={`badge badge--${project.status}`}>{project.status}</span> : null}
            <span className="muted">{projectDetails(project)}</span>
          </li>
        ))}
      </ul>
      <p>
        <PlainLink to={all.to}>{all.label}</PlainLink>
      </p>
    </>
  )
}

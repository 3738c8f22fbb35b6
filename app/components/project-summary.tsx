import { PlainLink } from '~/components/ui/plain-link'
import { formatDate, formatMoney } from '~/utils/format'
import { SkillTags } from '~/components/projects/skill-tags'

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
  skills?: string[]
}

export function budgetLabel(project: ProjectCardBasics): string {
  if (project.budgetType === 'fixed') return `Fixed ${formatMoney(project.budgetMaxMinor, project.currency)}`
  return `${formatMoney(project.budgetMinMinor, project.currency)}–${formatMoney(project.budgetMaxMinor, project.currency)} / hour`
}

function ProjectSummary({ project }: { project: ProjectSummaryData }) {
  return (
    <article className="project-summary">
      <h3 className="project-summary__title">
        <PlainLink to={`/projects/${project.id}`}>{project.title}</PlainLink>
      </h3>
      <p className="project-summary__meta">
        <span>{budgetLabel(project)}</span>
        <span>{`Posted ${formatDate(project.createdAt)}`}</span>
        {project.status ? <span className={`badge badge--${project.status}`}>{project.status}</span> : null}
      </p>
      <SkillTags skills={project.skills ?? []} />
    </article>
  )
}

/** Project summaries as a list, then a link to all of them (the dashboards' project cards). */
export function ProjectSummaryList({
  projects,
  all,
}: {
  projects: readonly ProjectSummaryData[]
  all: { to: `/${string}`; label: string }
}) {
  return (
    <>
      <ul className="list">
        {projects.map((project) => (
          <li key={project.id}>
            <ProjectSummary project={project} />
          </li>
        ))}
      </ul>
      <p>
        <PlainLink to={all.to}>{all.label}</PlainLink>
      </p>
    </>
  )
}

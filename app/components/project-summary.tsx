import { Link } from '@remix-run/react'
import { formatDate, formatMoney } from '~/utils/format'

export type ProjectSummaryData = {
  id: string
  title: string
  budgetType: 'fixed' | 'hourly'
  budgetMinMinor: number
  budgetMaxMinor: number
  currency: string
  createdAt: string | Date
  status?: 'open' | 'closed'
  skills?: string[]
}

export function budgetLabel(project: ProjectSummaryData): string {
  if (project.budgetType === 'fixed') return `Fixed ${formatMoney(project.budgetMaxMinor, project.currency)}`
  return `${formatMoney(project.budgetMinMinor, project.currency)}–${formatMoney(project.budgetMaxMinor, project.currency)} / hour`
}

export function ProjectSummary({ project }: { project: ProjectSummaryData }) {
  return (
    <article className="project-summary">
      <h3 className="project-summary__title">
        <Link to={`/projects/${project.id}`}>{project.title}</Link>
      </h3>
      <p className="project-summary__meta">
        <span>{budgetLabel(project)}</span>
        <span>Posted {formatDate(project.createdAt)}</span>
        {project.status ? <span className={`badge badge--${project.status}`}>{project.status}</span> : null}
      </p>
      {project.skills?.length ? (
        <ul className="tags" aria-label="Skills">
          {project.skills.map((skill) => (
            <li key={skill}>{skill}</li>
          ))}
        </ul>
      ) : null}
    </article>
  )
}

import { Link } from '@remix-run/react'
import { budgetLabel, type ProjectCardBasics } from '~/components/project-summary'
import {
  EXPERIENCE_LABELS,
  SNIPPET_MARK_END as SNIPPET_END,
  SNIPPET_MARK_START as SNIPPET_START,
} from '~/domain/project-search-params'
import type { ExperienceLevel } from '~/domain/enums'
import { formatDate } from '~/utils/format'
import { MINUTE_MS } from '~/domain/durations'
import { SkillTags } from '~/components/projects/skill-tags'

export type SearchResultData = ProjectCardBasics & {
  experienceLevel: ExperienceLevel
  createdAt: string
  clientName: string
  clientRating: number | null
  clientReviewCount: number
  skills: string[]
  snippet: string
}

/** The snippet with its matched words in <mark>; the text is never treated as HTML. */
function Snippet({ text }: { text: string }) {
  const parts: Array<{ text: string; marked: boolean }> = []
  let rest = text
  while (rest) {
    const start = rest.indexOf(SNIPPET_START)
    if (start === -1) {
      parts.push({ text: rest, marked: false })
      break
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), marked: false })
    const end = rest.indexOf(SNIPPET_END, start + 1)
    const stop = end === -1 ? rest.length : end
    parts.push({ text: rest.slice(start + 1, stop), marked: true })
    rest = rest.slice(stop + 1)
  }
  return (
    <p className="search-result__snippet">
      {parts.map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </p>
  )
}

function postedLabel(createdAt: string, now: number): string {
  const minutes = Math.max(0, Math.round((now - new Date(createdAt).getTime()) / MINUTE_MS))
  if (minutes < 60) return minutes <= 1 ? 'Posted just now' : `Posted ${minutes} minutes ago`
  const hours = Math.round(minutes / 60)
  if (hours < 24) return `Posted ${hours} ${hours === 1 ? 'hour' : 'hours'} ago`
  const days = Math.round(hours / 24)
  if (days <= 30) return `Posted ${days} ${days === 1 ? 'day' : 'days'} ago`
  return `Posted ${formatDate(createdAt)}`
}

function ratingLabel(rating: number | null, count: number): string {
  if (rating === null || count === 0) return 'No client reviews yet'
  return `Client rated ${rating.toFixed(1)} of 5 (${count} ${count === 1 ? 'review' : 'reviews'})`
}

export function SearchResult({ project, now }: { project: SearchResultData; now: number }) {
  const headingId = `result-${project.id}`
  return (
    <article className="search-result" aria-labelledby={headingId}>
      <h2 className="search-result__title" id={headingId}>
        <Link to={`/projects/${project.id}`}>{project.title}</Link>
      </h2>
      <p className="search-result__meta">
        <span>{budgetLabel(project)}</span>
        <span>{EXPERIENCE_LABELS[project.experienceLevel]}</span>
        <time dateTime={project.createdAt}>{postedLabel(project.createdAt, now)}</time>
      </p>
      <Snippet text={project.snippet} />
      <SkillTags skills={project.skills} />
      <p className="search-result__client muted">
        {project.clientName} · {ratingLabel(project.clientRating, project.clientReviewCount)}
      </p>
    </article>
  )
}

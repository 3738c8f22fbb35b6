import type { ReactNode } from 'react'
import { PageHeader } from '~/components/ui/page-header'

/** The header of a page about one project: a link back to it, the page's title, then any lead text. */
export function ProjectPageHeader({
  project,
  title,
  children,
}: {
  project: { id: string; title: string }
  title: string
  children?: ReactNode
}) {
  return (
    <PageHeader back={{ to: `/projects/${project.id}`, label: project.title }} title={title}>
      {children}
    </PageHeader>
  )
}

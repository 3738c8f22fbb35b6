import * as z from 'zod'
import { pageShown } from '~/domain/paging'
import { countProjectsOfClientByStatus, listProjectsOfClientWithCounts } from '~/models/projects.server'

/** Rows per page of "Your projects": a client with hundreds of projects got them all in one page. */
const CLIENT_PROJECTS_PAGE_SIZE = 25

const TABS = ['all', 'open', 'closed'] as const
export type ClientProjectsTab = (typeof TABS)[number]

/** The query of "Your projects": which tab and page; anything else falls back to all, page 1. */
export const ClientProjectsQuerySchema = z.object({
  status: z.enum(TABS).catch('all'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
})

/** One page of the client's projects of one tab, with each tab's count. */
export async function loadClientProjects(clientId: string, query: z.output<typeof ClientProjectsQuerySchema>) {
  const counts = await countProjectsOfClientByStatus(clientId)
  const byTab = { all: counts.open + counts.closed, open: counts.open, closed: counts.closed }
  const total = byTab[query.status]
  const page = pageShown(query.page, total, CLIENT_PROJECTS_PAGE_SIZE)
  const projects = await listProjectsOfClientWithCounts(clientId, {
    status: query.status === 'all' ? undefined : query.status,
    limit: CLIENT_PROJECTS_PAGE_SIZE,
    offset: (page - 1) * CLIENT_PROJECTS_PAGE_SIZE,
  })
  return { projects, counts: byTab, status: query.status, page, pageSize: CLIENT_PROJECTS_PAGE_SIZE, total }
}

/** Which projects and profiles visitors without an account may read, and what the search engines get. */
import {
  findDiscoveryPreferences,
  isUserBlocked,
  saveDiscoveryPreferences,
  type DiscoveryPreferences,
} from '~/models/discovery.server'
import { findPortfolioImageOwner } from '~/models/portfolio.server'
import { findProject, listNewestOpenProjectsOfClient, type Project } from '~/models/projects.server'
import type { SessionUser } from '~/models/users.server'
import { NotFound } from '~/services/domain-errors'
import { loadFreelancerPublicProfile } from '~/services/marketplace/public-profiles.server'
import { loadProjectPage, requireVisibleProject } from '~/services/marketplace/projects.server'
import { recommendFreelancers } from '~/services/ai/recommendations.server'
import { ownerActions } from '~/services/marketplace/project-rules'
import { freelancerSeo, projectSeo } from './seo'

/**
 * A visitor sees what any freelancer browsing sees: public projects that no moderator hid, from a
 * client who is not blocked. Invite-only and hidden projects stay NotFound to them.
 */
async function requirePublicProject(projectId: string | undefined): Promise<Project> {
  const project = projectId ? await findProject(projectId) : undefined
  if (!project || project.visibility !== 'public' || project.hiddenAt || (await isUserBlocked(project.clientId))) {
    throw new NotFound()
  }
  return project
}

/** The project page for a member (their own rules) or a visitor, with its search-engine tags. */
export async function loadProjectPageFor(projectId: string | undefined, viewer: SessionUser | null, origin: string) {
  const project = viewer ? await requireVisibleProject(projectId, viewer) : await requirePublicProject(projectId)
  const page = await loadProjectPage(project, viewer)
  const seo = projectSeo({ ...page.project, clientName: page.client.name }, origin)
  // The client's own open project also lists the freelancers the matching formula recommends.
  const recommended = page.ownerActions.includes('invite') ? await recommendFreelancers(project) : []
  return { ...page, signedIn: Boolean(viewer), seo, recommended }
}

/**
 * A freelancer's profile for a member or a visitor; `membersOnly` when the freelancer keeps it to
 * signed-in members and the viewer is a visitor (the route then asks them to sign in).
 */
export async function loadFreelancerProfileFor(userId: string | undefined, viewer: SessionUser | null, origin: string) {
  const profile = await loadFreelancerPublicProfile(userId)
  if (!viewer && (await findDiscoveryPreferences(profile.user.id)).membersOnly) return { membersOnly: true as const }
  const seo = freelancerSeo({ ...profile.user, ...profile.profile }, origin)
  return {
    membersOnly: false as const,
    ...profile,
    signedIn: Boolean(viewer),
    isOwn: viewer?.id === profile.user.id,
    seo,
    invitableProjects: viewer?.role === 'client' ? await invitableProjectsOf(viewer.id) : null,
  }
}

/** A client's newest open projects, each a one-click invitation from a freelancer's profile. */
const INVITABLE_SHOWN = 5
async function invitableProjectsOf(clientId: string) {
  // Read as few as are shown: the whole list with its proposal counts cost 150 ms a visit for a client
  // with the large seed's thousands of projects.
  return (await listNewestOpenProjectsOfClient(clientId, INVITABLE_SHOWN))
    .filter((project) => ownerActions(project).includes('invite'))
    .map(({ id, title }) => ({ id, title }))
}

/**
 * Who may see a portfolio image: the same people who may read the profile it shows on. Members
 * see every freelancer's; a visitor sees those of a profile open to visitors (a profile kept to
 * members asks them to sign in, as the page does). A blocked freelancer's profile is gone for
 * everyone, members included, and so are its images.
 */
export async function portfolioImageAccess(
  uploadId: string,
  viewer: SessionUser | null,
): Promise<'show' | 'sign-in' | 'not-found'> {
  const owner = await findPortfolioImageOwner(uploadId)
  if (!owner || (await isUserBlocked(owner.userId))) return 'not-found'
  if (viewer) return 'show'
  return (await findDiscoveryPreferences(owner.userId)).membersOnly ? 'sign-in' : 'show'
}

export async function updateDiscoveryPreferences(userId: string, values: DiscoveryPreferences): Promise<void> {
  await saveDiscoveryPreferences(userId, values)
}

import { countProjectsByStatus } from '~/models/projects.server'
import { countUsersByRole } from '~/models/users.server'

/** Live figures for the landing page, straight from the database. */
export async function getMarketplaceFigures() {
  const [users, projects] = await Promise.all([countUsersByRole(), countProjectsByStatus()])
  return { freelancers: users.freelancer, openProjects: projects.open }
}

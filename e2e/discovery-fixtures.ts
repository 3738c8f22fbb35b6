import './app-env'
import crypto from 'node:crypto'
import { saveDiscoveryPreferences } from '~/models/discovery.server'
import { ensureSkills, replaceFreelancerSkills, updateFreelancerProfile } from '~/models/profiles.server'
import { insertUser } from '~/models/users.server'
import { takeAccountQuota } from '~/services/security/throttle.server'
import { DEMO_ACCOUNTS, makeUser } from './fixtures'
import { createOpenProject } from './projects-fixtures'
import { userIdByEmail } from './db-fixtures'

async function freelancer(name: string, headline: string) {
  const made = makeUser('freelancer')
  const user = await insertUser({ email: made.email, name, role: 'freelancer', passwordHash: 'not-for-signing-in' })
  await updateFreelancerProfile(user.id, { headline, bio: `${headline}, taking new work.` })
  return user
}

/**
 * For a visitor without an account: one public project of the demo client with a keyword only it
 * has, a public freelancer, and a freelancer who keeps the profile to signed-in members.
 */
export async function createDiscoveryFixtures() {
  const keyword = `qv${crypto.randomBytes(5).toString('hex')}`
  const { projectId, title } = await createOpenProject(DEMO_ACCOUNTS.client.email, {
    title: `Vue ${keyword} storefront`,
    description: `A Vue storefront for ${keyword}, with a Stripe checkout and a product search.`,
    budgetType: 'fixed',
    budgetMinor: 150_000,
    skills: ['Vue.js', 'Stripe'],
  })
  const visible = await freelancer(`Vera ${keyword}`, 'Vue developer')
  const membersOnly = await freelancer(`Quinn ${keyword}`, 'Quiet developer')
  await saveDiscoveryPreferences(membersOnly.id, { membersOnly: true, recommendationsOff: false })
  return { keyword, projectId, title, visible, membersOnly }
}

/** A freelancer with skills and a rate who fits a Helm project, and that project of the given client. */
export async function createMatchingFixtures(clientEmail: string, freelancerEmail: string) {
  const freelancerId = await userIdByEmail(freelancerEmail)
  await replaceFreelancerSkills(freelancerId, [...(await ensureSkills(['Kubernetes', 'Helm'])).values()])
  await updateFreelancerProfile(freelancerId, { hourlyRateMinor: 4_000, languages: ['English'] })
  const { projectId, title } = await createOpenProject(clientEmail, {
    title: `Helm charts ${crypto.randomBytes(3).toString('hex')}`,
    budgetType: 'hourly',
    budgetMinMinor: 3_000,
    budgetMinor: 6_000,
    skills: ['Kubernetes', 'Helm'],
  })
  return { projectId, title }
}

/** A freelancer nobody signs in as, who fits the Helm project of createMatchingFixtures. */
export async function createMatchingFreelancer() {
  const user = await freelancer(`Helm Hana ${crypto.randomBytes(2).toString('hex')}`, 'Kubernetes and Helm engineer')
  return { email: user.email, name: user.name }
}

/** Uses up the client's invitations for the next 24 hours, as 50 sent just now would have. */
export async function useUpInvitationQuota(email: string) {
  const account = { id: await userIdByEmail(email), role: 'client' as const }
  for (let i = 0; i < 50; i++) await takeAccountQuota('invitation', account)
}

import './app-env'
import crypto from 'node:crypto'
import { saveDiscoveryPreferences } from '~/models/discovery.server'
import { updateFreelancerProfile } from '~/models/profiles.server'
import { insertUser } from '~/models/users.server'
import { DEMO_ACCOUNTS, makeUser } from './fixtures'
import { createOpenProject } from './projects-fixtures'

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

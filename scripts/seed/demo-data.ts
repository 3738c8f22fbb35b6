import { faker } from '@faker-js/faker'
import {
  ensureSkills,
  replaceFreelancerSkills,
  updateClientProfile,
  updateFreelancerProfile,
} from '~/models/profiles.server'
import { insertProjects } from '~/models/projects.server'
import { seedDemoActivity } from './demo-activity'
import { markDemoAccounts } from '~/models/demo-accounts.server'
import { countUsersByRole, insertUser } from '~/models/users.server'
import { demoDataAllowed } from '~/utils/env.server'
import { hashPassword } from '~/services/accounts/passwords.server'
import { SKILLS } from '~/services/marketplace/skills-taxonomy'
import { EXPERIENCE_LEVELS } from '~/domain/enums'

export const DEMO_PASSWORD = 'MegiLance-demo-2026'
export const DEMO_COUNTS = { clients: 50, freelancers: 200, projects: 300 }
const COUNTS = DEMO_COUNTS

const PROJECT_SHAPES = [
  (s: string) => `Build a ${s} dashboard for our sales team`,
  (s: string) => `${s} developer for a customer portal`,
  (s: string) => `Fix performance problems in our ${s} app`,
  (s: string) => `Migrate our product catalogue to ${s}`,
  (s: string) => `Ongoing ${s} help for a small agency`,
  (s: string) => `${s} expert to review our architecture`,
  (s: string) => `Create a landing page with ${s}`,
  (s: string) => `${s} specialist for a 3-month project`,
]

/** A person with a plain name and a unique address at an example domain. */
function demoPerson(index: number, domain: string): { name: string; email: string } {
  const first = faker.person.firstName()
  const last = faker.person.lastName()
  const slug = (text: string) =>
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z]/g, '')
  return { name: `${first} ${last}`, email: `${slug(first)}.${slug(last)}${index}@${domain}` }
}

function demoBio(skills: string[]): string {
  const years = faker.number.int({ min: 1, max: 15 })
  return (
    `${faker.person.jobTitle()} with ${years} year${years === 1 ? '' : 's'} of hands-on work in ${skills.join(', ')}. ` +
    `I have delivered projects for ${faker.number.int({ min: 3, max: 60 })} clients, from small businesses to ` +
    `${faker.company.buzzAdjective()} startups, and I reply within one working day.`
  )
}

function demoBrief(skills: string[]): string {
  return (
    `${faker.company.name()} is looking for help to ${faker.company.buzzVerb()} ${faker.company.buzzNoun()}. ` +
    `You will work mostly with ${skills.join(', ')}, report weekly and hand over documented work. ` +
    `Tell us about a similar project you delivered and how you would plan the first two weeks.`
  )
}

/** Creates an account and records it as the seed's, so a production start can recognise it. */
async function insertDemoUser(input: Parameters<typeof insertUser>[0]) {
  const user = await insertUser(input)
  await markDemoAccounts([user.id])
  return user
}

/**
 * Fills the database with the demo marketplace; with `ifEmpty`, only a database without users.
 * A production database gets it only with DEMO=true: its accounts share a published password.
 */
export async function seedDemoData({ ifEmpty = false } = {}): Promise<string> {
  if (!demoDataAllowed()) {
    const refusal = 'Not seeding demo data: NODE_ENV is production and DEMO is not set (set DEMO=true to run the demo).'
    if (ifEmpty) return refusal
    throw new Error(refusal)
  }
  const existing = await countUsersByRole()
  const total = existing.admin + existing.client + existing.freelancer
  if (ifEmpty && total > 0) return `Database already has ${total} users; not seeding.`
  faker.seed(2026)
  // Every demo account shares one password, so it is hashed once.
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const skillIds = await ensureSkills([...SKILLS])
  const pickSkills = (min: number, max: number) => faker.helpers.arrayElements([...SKILLS], { min, max })

  await insertDemoUser({ email: 'admin@megilance.test', name: 'Ada Admin', role: 'admin', passwordHash })

  const clientIds: string[] = []
  for (let i = 0; i < COUNTS.clients; i++) {
    const demo = i === 0
    const { name, email } = demo
      ? { name: 'Clara Client', email: 'client@megilance.test' }
      : demoPerson(i, 'example.com')
    const user = await insertDemoUser({ email, name, role: 'client', passwordHash })
    await updateClientProfile(user.id, { company: faker.company.name() })
    clientIds.push(user.id)
  }

  for (let i = 0; i < COUNTS.freelancers; i++) {
    const demo = i === 0
    const { name, email } = demo
      ? { name: 'Felix Freelancer', email: 'freelancer@megilance.test' }
      : demoPerson(i, 'example.org')
    const user = await insertDemoUser({ email, name, role: 'freelancer', passwordHash })
    const skills = pickSkills(3, 8)
    await updateFreelancerProfile(user.id, {
      headline: `${faker.person.jobType()} · ${skills.slice(0, 2).join(' & ')}`,
      bio: demoBio(skills),
      hourlyRateMinor: faker.number.int({ min: 15, max: 150 }) * 100,
      currency: 'USD',
      experienceLevel: faker.helpers.arrayElement(EXPERIENCE_LEVELS),
    })
    await replaceFreelancerSkills(
      user.id,
      skills.map((skill) => skillIds.get(skill)).filter((id): id is number => id !== undefined),
    )
  }

  const now = Date.now()
  const projects = Array.from({ length: COUNTS.projects }, (_, i) => {
    const skills = pickSkills(2, 5)
    const hourly = faker.datatype.boolean({ probability: 0.35 })
    const low = hourly ? faker.number.int({ min: 15, max: 60 }) * 100 : 0
    const createdAt = new Date(now - faker.number.int({ min: 0, max: 90 * 24 * 60 }) * 60_000)
    return {
      id: crypto.randomUUID(),
      clientId: i < 6 ? clientIds[0]! : faker.helpers.arrayElement(clientIds),
      title: faker.helpers.arrayElement(PROJECT_SHAPES)(skills[0]!),
      description: demoBrief(skills),
      budgetType: hourly ? ('hourly' as const) : ('fixed' as const),
      budgetMinMinor: low,
      budgetMaxMinor: hourly
        ? low + faker.number.int({ min: 5, max: 60 }) * 100
        : faker.number.int({ min: 2, max: 200 }) * 10_000,
      currency: 'USD',
      experienceLevel: faker.helpers.arrayElement(EXPERIENCE_LEVELS),
      status: faker.datatype.boolean({ probability: 0.85 }) ? ('open' as const) : ('closed' as const),
      createdAt,
      updatedAt: createdAt,
      skillIds: skills.map((skill) => skillIds.get(skill)).filter((id): id is number => id !== undefined),
    }
  })
  await insertProjects(projects)
  const activity = await seedDemoActivity()
  return (
    `Seeded 1 admin, ${COUNTS.clients} clients, ${COUNTS.freelancers} freelancers, ${COUNTS.projects} projects. ${activity} ` +
    `Demo password for every account: ${DEMO_PASSWORD}`
  )
}

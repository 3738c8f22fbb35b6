import { faker } from '@faker-js/faker'
import { closeDb } from '~/models/db.server'
import { ensureSkills, replaceFreelancerSkills, updateClientProfile, updateFreelancerProfile } from '~/models/profiles.server'
import { insertProjects } from '~/models/projects.server'
import { countUsersByRole, insertUser } from '~/models/users.server'
import { hashPassword } from '~/services/accounts/passwords.server'
import { SKILLS } from '~/services/marketplace/skills-taxonomy'
import { EXPERIENCE_LEVELS } from '~/models/enums'

export const DEMO_PASSWORD = 'MegiLance-demo-2026'
const COUNTS = { clients: 50, freelancers: 200, projects: 300 }

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
  const slug = (text: string) => text.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')
  return { name: `${first} ${last}`, email: `${slug(first)}.${slug(last)}${index}@${domain}` }
}

async function seed() {
  const existing = await countUsersByRole()
  const total = existing.admin + existing.client + existing.freelancer
  if (process.argv.includes('--if-empty') && total > 0) {
    console.log(`Database already has ${total} users; not seeding.`)
    return
  }
  faker.seed(2026)
  // Every demo account shares one password, so it is hashed once.
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const skillIds = await ensureSkills([...SKILLS])
  const pickSkills = (min: number, max: number) => faker.helpers.arrayElements([...SKILLS], { min, max })

  await insertUser({ email: 'admin@megilance.test', name: 'Ada Admin', role: 'admin', passwordHash })

  const clientIds: string[] = []
  for (let i = 0; i < COUNTS.clients; i++) {
    const demo = i === 0
    const { name, email } = demo ? { name: 'Clara Client', email: 'client@megilance.test' } : demoPerson(i, 'example.com')
    const user = await insertUser({ email, name, role: 'client', passwordHash })
    await updateClientProfile(user.id, { company: faker.company.name() })
    clientIds.push(user.id)
  }

  for (let i = 0; i < COUNTS.freelancers; i++) {
    const demo = i === 0
    const { name, email } = demo ? { name: 'Felix Freelancer', email: 'freelancer@megilance.test' } : demoPerson(i, 'example.org')
    const user = await insertUser({ email, name, role: 'freelancer', passwordHash })
    const skills = pickSkills(3, 8)
    await updateFreelancerProfile(user.id, {
      headline: `${faker.person.jobType()} · ${skills.slice(0, 2).join(' & ')}`,
      bio: faker.lorem.paragraphs(2),
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
      description: `${faker.company.catchPhrase()}. ${faker.lorem.paragraphs(2)}`,
      budgetType: hourly ? ('hourly' as const) : ('fixed' as const),
      budgetMinMinor: low,
      budgetMaxMinor: hourly ? low + faker.number.int({ min: 5, max: 60 }) * 100 : faker.number.int({ min: 2, max: 200 }) * 10_000,
      currency: 'USD',
      experienceLevel: faker.helpers.arrayElement(EXPERIENCE_LEVELS),
      status: faker.datatype.boolean({ probability: 0.85 }) ? ('open' as const) : ('closed' as const),
      createdAt,
      updatedAt: createdAt,
      skillIds: skills.map((skill) => skillIds.get(skill)).filter((id): id is number => id !== undefined),
    }
  })
  await insertProjects(projects)
  console.log(
    `Seeded 1 admin, ${COUNTS.clients} clients, ${COUNTS.freelancers} freelancers, ${COUNTS.projects} projects. ` +
      `Demo password for every account: ${DEMO_PASSWORD}`,
  )
}

seed()
  .catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
  .finally(closeDb)

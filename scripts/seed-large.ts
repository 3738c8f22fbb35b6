/**
 * `npm run seed:large`: a marketplace big enough to measure search on — the demo data (with its
 * sign-in accounts) plus LARGE_SEED_CLIENTS clients, LARGE_SEED_FREELANCERS freelancers and
 * LARGE_SEED_PROJECTS projects (defaults 2,000 / 20,000 / 100,000) in DATABASE_PATH.
 * Refuses to run on a database that already has users.
 */
import { faker } from '@faker-js/faker'
import { EXPERIENCE_LEVELS } from '~/models/enums'
import { closeDb } from '~/models/db.server'
import { ensureSkills, replaceFreelancerSkills, updateFreelancerProfile, updateClientProfile } from '~/models/profiles.server'
import { insertProjectsBulk, type BulkProject } from '~/models/projects.server'
import { countUsersByRole, insertUser } from '~/models/users.server'
import { hashPassword } from '~/services/accounts/passwords.server'
import { SKILLS } from '~/services/marketplace/skills-taxonomy'
import { DEMO_PASSWORD, seedDemoData } from './seed/demo-data'

function countFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`)
  return value
}

const COUNTS = {
  clients: countFromEnv('LARGE_SEED_CLIENTS', 2_000),
  freelancers: countFromEnv('LARGE_SEED_FREELANCERS', 20_000),
  projects: countFromEnv('LARGE_SEED_PROJECTS', 100_000),
}
const BATCH = 5_000

const TITLES = [
  (s: string) => `Build a ${s} dashboard for our sales team`,
  (s: string) => `${s} developer for a customer portal`,
  (s: string) => `Fix performance problems in our ${s} app`,
  (s: string) => `Migrate our product catalogue to ${s}`,
  (s: string) => `Ongoing ${s} help for a small agency`,
  (s: string) => `${s} expert to review our architecture`,
  (s: string) => `Create a landing page with ${s}`,
  (s: string) => `${s} specialist for a 3-month project`,
  (s: string) => `Redesign our booking flow using ${s}`,
  (s: string) => `Automate monthly reports with ${s}`,
  (s: string) => `${s} consultant for an online shop`,
  (s: string) => `Add payments and invoices to our ${s} platform`,
  (s: string) => `Write documentation for our ${s} API`,
  (s: string) => `${s} mentor for a junior team`,
  (s: string) => `Prototype a mobile ordering app with ${s}`,
  (s: string) => `Audit and improve security of our ${s} stack`,
]

const CONTEXTS = [
  'a logistics startup', 'a family-run bakery', 'a non-profit', 'a dental clinic', 'a travel agency',
  'a fintech company', 'a university research group', 'a fashion brand', 'a property manager', 'a fitness studio',
  'an e-commerce shop', 'a law firm', 'a game studio', 'a local newspaper', 'a recruitment agency',
]

function brief(skills: string[]): string {
  return (
    `We are ${faker.helpers.arrayElement(CONTEXTS)} looking for help to ${faker.company.buzzVerb()} our ` +
    `${faker.company.buzzNoun()}. You will work mostly with ${skills.join(', ')}, ${faker.hacker.phrase().toLowerCase()} ` +
    `Share a similar project you delivered and how you would plan the first two weeks.`
  )
}

async function main(): Promise<string> {
  const existing = await countUsersByRole()
  if (existing.admin + existing.client + existing.freelancer > 0) {
    throw new Error('The database already has users; seed:large fills an empty one (set DATABASE_PATH).')
  }
  const started = Date.now()
  const step = (what: string) => console.log(`${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  ${what}`)

  step(await seedDemoData())
  faker.seed(100_000)
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const skillIds = await ensureSkills([...SKILLS])
  const pickSkills = (min: number, max: number) => faker.helpers.arrayElements([...SKILLS], { min, max })
  const idsOf = (names: string[]) => names.map((name) => skillIds.get(name)).filter((id): id is number => id !== undefined)

  const clientIds: string[] = []
  for (let i = 0; i < COUNTS.clients; i++) {
    const user = await insertUser({
      email: `client${i}@large.megilance.test`,
      name: faker.person.fullName(),
      role: 'client',
      passwordHash,
    })
    await updateClientProfile(user.id, { company: faker.company.name() })
    clientIds.push(user.id)
  }
  step(`${COUNTS.clients} clients`)

  for (let i = 0; i < COUNTS.freelancers; i++) {
    const user = await insertUser({
      email: `freelancer${i}@large.megilance.test`,
      name: faker.person.fullName(),
      role: 'freelancer',
      passwordHash,
    })
    const skills = pickSkills(3, 8)
    await updateFreelancerProfile(user.id, {
      headline: `${faker.person.jobType()} · ${skills.slice(0, 2).join(' & ')}`,
      bio: `${faker.person.jobTitle()} working with ${skills.join(', ')}.`,
      hourlyRateMinor: faker.number.int({ min: 15, max: 150 }) * 100,
      currency: 'USD',
      experienceLevel: faker.helpers.arrayElement(EXPERIENCE_LEVELS),
    })
    await replaceFreelancerSkills(user.id, idsOf(skills))
  }
  step(`${COUNTS.freelancers} freelancers`)

  const now = Date.now()
  for (let done = 0; done < COUNTS.projects; done += BATCH) {
    const batch: BulkProject[] = Array.from({ length: Math.min(BATCH, COUNTS.projects - done) }, () => {
      const skills = pickSkills(2, 5)
      const hourly = faker.datatype.boolean({ probability: 0.35 })
      const low = hourly ? faker.number.int({ min: 15, max: 60 }) * 100 : 0
      const createdAt = new Date(now - faker.number.int({ min: 0, max: 365 * 24 * 60 }) * 60_000)
      return {
        id: crypto.randomUUID(),
        clientId: faker.helpers.arrayElement(clientIds),
        title: faker.helpers.arrayElement(TITLES)(skills[0]!),
        description: brief(skills),
        budgetType: hourly ? 'hourly' : 'fixed',
        budgetMinMinor: low,
        budgetMaxMinor: hourly ? low + faker.number.int({ min: 5, max: 60 }) * 100 : faker.number.int({ min: 2, max: 200 }) * 10_000,
        currency: 'USD',
        experienceLevel: faker.helpers.arrayElement(EXPERIENCE_LEVELS),
        status: faker.datatype.boolean({ probability: 0.85 }) ? 'open' : 'closed',
        createdAt,
        updatedAt: createdAt,
        skillIds: idsOf(skills),
      }
    })
    await insertProjectsBulk(batch)
    if ((done + batch.length) % 20_000 === 0 || done + batch.length === COUNTS.projects) step(`${done + batch.length} projects`)
  }
  return `Seeded ${COUNTS.clients} more clients, ${COUNTS.freelancers} more freelancers and ${COUNTS.projects} more projects in ${((Date.now() - started) / 1000).toFixed(1)} s.`
}

main()
  .then((message) => console.log(message))
  .catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
  .finally(closeDb)

/**
 * `npm run seed:large`: a marketplace big enough to measure search on — the demo data (with its
 * sign-in accounts) plus LARGE_SEED_CLIENTS clients, LARGE_SEED_FREELANCERS freelancers and
 * LARGE_SEED_PROJECTS projects (defaults 2,000 / 20,000 / 100,000), and
 * LARGE_SEED_REVIEWED_CONTRACTS past contracts reviewed by both sides (default 5,000), so client
 * ratings exist, then a year of hiring history (scripts/seed/hiring-history.ts). Writes DATABASE_PATH
 * (the npm script defaults it to data/large.db). Refuses to run on a database that already has users.
 * Foreign keys are checked once at the end of the bulk load, not per row (large-seed.server.ts).
 *
 *   npm run seed:large                         → data/large.db
 *   DATABASE_PATH=/tmp/x.db npm run seed:large → /tmp/x.db
 */
import { faker } from '@faker-js/faker'
import { EXPERIENCE_LEVELS } from '~/domain/enums'
import { closeDb } from '~/models/db.server'
import { markDemoAccounts } from '~/models/demo-accounts.server'
import {
  beginBulkLoad,
  endBulkLoad,
  insertReviewedContractsBulk,
  insertUsersBulk,
  type BulkReviewedContract,
  type BulkUser,
} from '~/models/large-seed.server'
import { ensureSkills } from '~/models/profiles.server'
import { insertProjectsBulk, type BulkProject } from '~/models/projects.server'
import { countUsersByRole } from '~/models/users.server'
import { getEnv } from '~/utils/env.server'
import { runNightlyRollup } from '~/services/analytics/rollups.server'
import { hashPassword } from '~/services/accounts/passwords.server'
import { SKILLS } from '~/services/marketplace/skills-taxonomy'
import { DEMO_PASSWORD, seedDemoData } from './seed/demo-data'
import { seedHiringHistory } from './seed/hiring-history'

function countFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`)
  return value
}

const COUNTS = {
  clients: countFromEnv('LARGE_SEED_CLIENTS', 2_000),
  freelancers: countFromEnv('LARGE_SEED_FREELANCERS', 20_000),
  projects: countFromEnv('LARGE_SEED_PROJECTS', 100_000),
  reviewedContracts: countFromEnv('LARGE_SEED_REVIEWED_CONTRACTS', 5_000),
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
  'a logistics startup',
  'a family-run bakery',
  'a non-profit',
  'a dental clinic',
  'a travel agency',
  'a fintech company',
  'a university research group',
  'a fashion brand',
  'a property manager',
  'a fitness studio',
  'an e-commerce shop',
  'a law firm',
  'a game studio',
  'a local newspaper',
  'a recruitment agency',
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
  console.log(`Seeding ${getEnv().DATABASE_PATH} …`)

  step(await seedDemoData())
  await beginBulkLoad()
  faker.seed(100_000)
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const skillIds = await ensureSkills([...SKILLS])
  const pickSkills = (min: number, max: number) => faker.helpers.arrayElements([...SKILLS], { min, max })
  const idsOf = (names: string[]) =>
    names.map((name) => skillIds.get(name)).filter((id): id is number => id !== undefined)
  const now = Date.now()
  const joined = () => now - faker.number.int({ min: 30, max: 3 * 365 }) * 86_400_000

  const clientIds: string[] = []
  for (let done = 0; done < COUNTS.clients; done += BATCH) {
    const batch: BulkUser[] = Array.from({ length: Math.min(BATCH, COUNTS.clients - done) }, (_, i) => ({
      id: crypto.randomUUID(),
      email: `client${done + i}@large.megilance.test`,
      name: faker.person.fullName(),
      role: 'client',
      passwordHash,
      createdAt: joined(),
      company: faker.company.name(),
    }))
    await insertUsersBulk(batch)
    await markDemoAccounts(batch.map((user) => user.id))
    clientIds.push(...batch.map((user) => user.id))
  }
  step(`${COUNTS.clients} clients`)

  const freelancerIds: string[] = []
  for (let done = 0; done < COUNTS.freelancers; done += BATCH) {
    const batch: BulkUser[] = Array.from({ length: Math.min(BATCH, COUNTS.freelancers - done) }, (_, i) => {
      const skills = pickSkills(3, 8)
      return {
        id: crypto.randomUUID(),
        email: `freelancer${done + i}@large.megilance.test`,
        name: faker.person.fullName(),
        role: 'freelancer',
        passwordHash,
        createdAt: joined(),
        headline: `${faker.person.jobType()} · ${skills.slice(0, 2).join(' & ')}`,
        bio: `${faker.person.jobTitle()} working with ${skills.join(', ')}.`,
        hourlyRateMinor: faker.number.int({ min: 15, max: 150 }) * 100,
        experienceLevel: faker.helpers.arrayElement(EXPERIENCE_LEVELS),
        skillIds: idsOf(skills),
      }
    })
    await insertUsersBulk(batch)
    await markDemoAccounts(batch.map((user) => user.id))
    freelancerIds.push(...batch.map((user) => user.id))
  }
  step(`${COUNTS.freelancers} freelancers`)

  // Some past, hired projects get a contract reviewed by both sides, so clients have ratings.
  const reviewed: BulkReviewedContract[] = []
  // Each client leans good or mixed, so the rating facet splits them.
  const clientLean = new Map(clientIds.map((id) => [id, faker.number.float({ min: 2.5, max: 5 })]))
  for (let done = 0; done < COUNTS.projects; done += BATCH) {
    const batch: BulkProject[] = Array.from({ length: Math.min(BATCH, COUNTS.projects - done) }, () => {
      const skills = pickSkills(2, 5)
      const hourly = faker.datatype.boolean({ probability: 0.35 })
      const low = hourly ? faker.number.int({ min: 15, max: 60 }) * 100 : 0
      const createdAt = new Date(now - faker.number.int({ min: 0, max: 365 * 24 * 60 }) * 60_000)
      const open = faker.datatype.boolean({ probability: 0.85 })
      const clientId = faker.helpers.arrayElement(clientIds)
      const project: BulkProject = {
        id: crypto.randomUUID(),
        clientId,
        title: faker.helpers.arrayElement(TITLES)(skills[0]!),
        description: brief(skills),
        budgetType: hourly ? 'hourly' : 'fixed',
        budgetMinMinor: low,
        budgetMaxMinor: hourly
          ? low + faker.number.int({ min: 5, max: 60 }) * 100
          : faker.number.int({ min: 2, max: 200 }) * 10_000,
        currency: 'USD',
        experienceLevel: faker.helpers.arrayElement(EXPERIENCE_LEVELS),
        status: open ? 'open' : 'closed',
        // A few are invite-only or hidden by an admin: search must leave them out.
        visibility: faker.datatype.boolean({ probability: 0.03 }) ? 'invite_only' : 'public',
        hiddenAt: faker.datatype.boolean({ probability: 0.01 }) ? createdAt : null,
        hiddenReason: null,
        createdAt,
        updatedAt: createdAt,
        skillIds: idsOf(skills),
      }
      if (!open && reviewed.length < COUNTS.reviewedContracts) {
        project.closeReason = 'hired'
        project.closedAt = new Date(createdAt.getTime() + 86_400_000)
        const lean = clientLean.get(clientId)!
        reviewed.push({
          projectId: project.id,
          title: project.title,
          clientId,
          freelancerId: faker.helpers.arrayElement(freelancerIds),
          amountMinor: project.budgetMaxMinor,
          endedAt: createdAt.getTime() + 40 * 86_400_000,
          clientRating: Math.max(1, Math.min(5, Math.round(lean + faker.number.float({ min: -1, max: 1 })))),
          freelancerRating: faker.number.int({ min: 3, max: 5 }),
        })
      }
      return project
    })
    await insertProjectsBulk(batch)
    if ((done + batch.length) % 20_000 === 0 || done + batch.length === COUNTS.projects)
      step(`${done + batch.length} projects`)
  }
  for (let done = 0; done < reviewed.length; done += BATCH)
    await insertReviewedContractsBulk(reviewed.slice(done, done + BATCH))
  step(`${reviewed.length} reviewed contracts (${reviewed.length * 2} reviews)`)
  step(await seedHiringHistory(now, step))
  await endBulkLoad()
  step('foreign keys hold; analyzed and checkpointed')
  // The analytics pages read daily rollups; without them a year of history is counted live (slow).
  const { days } = await runNightlyRollup(new Date())
  step(`${days} days of analytics rolled up`)
  return `Seeded ${COUNTS.clients} more clients, ${COUNTS.freelancers} more freelancers and ${COUNTS.projects} more projects in ${((Date.now() - started) / 1000).toFixed(1)} s.`
}

main()
  .then((message) => console.log(message))
  .catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
  .finally(closeDb)

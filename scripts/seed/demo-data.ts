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
import { TRADES, WEB_TRADE, tradeSkills, type Trade } from './demo-trades'
import { EXPERIENCE_LEVELS, type ExperienceLevel } from '~/domain/enums'

export const DEMO_PASSWORD = 'MegiLance-demo-2026'
const COUNTS = { clients: 50, freelancers: 200, projects: 300 }

/** The demo freelancer's own skills: a web developer, like the demo client's projects. */
const DEMO_FREELANCER_SKILLS = ['React', 'TypeScript', 'Node.js', 'WordPress', 'PostgreSQL']

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

/**
 * What each level looks like, so a profile agrees with itself: an entry-level bio never says
 * "10 years" or "32 clients", and its rate is an entry-level rate.
 */
const LEVEL_BANDS: Record<ExperienceLevel, Record<'years' | 'clients' | 'rate', readonly [number, number]>> = {
  entry: { years: [1, 2], clients: [1, 8], rate: [15, 45] },
  intermediate: { years: [3, 6], clients: [5, 30], rate: [35, 90] },
  expert: { years: [7, 15], clients: [20, 60], rate: [70, 150] },
}

/** A draw from [drawMin, …] placed inside [min, max]: the same draw always lands on the same value. */
function within(draw: number, drawMin: number, [min, max]: readonly [number, number]): number {
  return min + ((draw - drawMin) % (max - min + 1))
}

/**
 * A freelancer's bio, rate and experience level, consistent with each other. The random draws keep
 * the seed's original order and count (years, clients, rate, level), so every later account and
 * project stays as before; each drawn number is then placed inside the level's band.
 */
function demoFreelancerStory(trade: Trade, skills: string[]) {
  const yearsDraw = faker.number.int({ min: 1, max: 15 })
  const clientsDraw = faker.number.int({ min: 3, max: 60 })
  const rateDraw = faker.number.int({ min: 15, max: 150 })
  const experienceLevel = faker.helpers.arrayElement(EXPERIENCE_LEVELS)
  const band = LEVEL_BANDS[experienceLevel]
  const years = within(yearsDraw, 1, band.years)
  const clients = within(clientsDraw, 3, band.clients)
  const bio =
    `${trade.role} with ${years} year${years === 1 ? '' : 's'} of hands-on work in ${skills.join(', ')}. ` +
    `I have delivered projects for ${clients} client${clients === 1 ? '' : 's'}, from small businesses to ` +
    `growing startups, and I reply within one working day.`
  return { bio, hourlyRateMinor: within(rateDraw, 15, band.rate) * 100, experienceLevel }
}

/** A brief in the words of the client's company (the name their profile shows beside the project). */
function demoBrief(trade: Trade, skills: string[], company: string): string {
  // The name drawn here before is still drawn, so the demo's later random choices (which tests read) stay put.
  faker.company.name()
  return (
    `${company} is looking for ${trade.need}. ` +
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
  const pick = <T>(list: readonly T[]): T => faker.helpers.arrayElement(list)
  const between = (min: number, max: number) => faker.number.int({ min, max })

  await insertDemoUser({ email: 'admin@megilance.test', name: 'Ada Admin', role: 'admin', passwordHash })

  const clientIds: string[] = []
  const companyOf = new Map<string, string>()
  for (let i = 0; i < COUNTS.clients; i++) {
    const demo = i === 0
    const { name, email } = demo
      ? { name: 'Clara Client', email: 'client@megilance.test' }
      : demoPerson(i, 'example.com')
    const user = await insertDemoUser({ email, name, role: 'client', passwordHash })
    const company = faker.company.name()
    await updateClientProfile(user.id, { company })
    companyOf.set(user.id, company)
    clientIds.push(user.id)
  }

  for (let i = 0; i < COUNTS.freelancers; i++) {
    const demo = i === 0
    const { name, email } = demo
      ? { name: 'Felix Freelancer', email: 'freelancer@megilance.test' }
      : demoPerson(i, 'example.org')
    const user = await insertDemoUser({ email, name, role: 'freelancer', passwordHash })
    // The first two do the demo's contracts: web developers, like the demo client's projects.
    const trade = i < 2 ? WEB_TRADE : pick(TRADES)
    const skills = demo ? DEMO_FREELANCER_SKILLS : tradeSkills(trade, between(3, 8), pick)
    const { bio, hourlyRateMinor, experienceLevel } = demoFreelancerStory(trade, skills)
    await updateFreelancerProfile(user.id, {
      headline: `${trade.role} · ${skills.slice(0, 2).join(' & ')}`,
      bio,
      hourlyRateMinor,
      currency: 'USD',
      experienceLevel,
    })
    await replaceFreelancerSkills(
      user.id,
      skills.map((skill) => skillIds.get(skill)).filter((id): id is number => id !== undefined),
    )
  }

  const now = Date.now()
  const projects = Array.from({ length: COUNTS.projects }, (_, i) => {
    // The first twelve belong to the demo client and the client the demo freelancer works for
    // (seedDemoActivity), and only theirs: so the demo's proposals and contracts are web work.
    const trade = i < 12 ? WEB_TRADE : pick(TRADES)
    const skills = tradeSkills(trade, between(2, 5), pick)
    const hourly = faker.datatype.boolean({ probability: 0.35 })
    const low = hourly ? faker.number.int({ min: 15, max: 60 }) * 100 : 0
    const createdAt = new Date(now - faker.number.int({ min: 0, max: 90 * 24 * 60 }) * 60_000)
    const clientId = i < 6 ? clientIds[0]! : i < 12 ? clientIds[1]! : pick(clientIds.slice(2))
    return {
      id: crypto.randomUUID(),
      clientId,
      title: pick(trade.titles)(skills[0]!),
      description: demoBrief(trade, skills, companyOf.get(clientId)!),
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

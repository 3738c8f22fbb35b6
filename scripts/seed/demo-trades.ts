/**
 * The trades of the demo marketplace, so that its people and projects read like real ones: a
 * freelancer's skills, headline and bio belong to one trade, and a project's title and brief name
 * work of that trade ("Fix crashes in our Flutter app", not "Migrate our product catalogue to
 * Music Composition"). Each trade draws its skills from the taxonomy's categories.
 */
import { SKILL_ENTRIES, type SkillName } from '~/services/marketplace/skills-taxonomy'
import type { SkillCategory } from '~/services/marketplace/skills-data'

export type Trade = {
  /** What a freelancer of the trade calls themselves. */
  role: string
  /** The first category names the project's main skill; the others add related ones. */
  categories: readonly [SkillCategory, ...SkillCategory[]]
  /** Project titles around the main skill. */
  titles: readonly ((skill: string) => string)[]
  /** What a client of the trade is looking for, for the brief's first sentence. */
  need: string
}

export const TRADES: readonly Trade[] = [
  {
    role: 'Web developer',
    categories: ['Web development', 'Databases'],
    titles: [
      (s) => `Build a sales dashboard with ${s}`,
      (s) => `${s} developer for a customer portal`,
      (s) => `Fix performance problems in our ${s} site`,
      (s) => `Create a landing page with ${s}`,
      (s) => `Ongoing ${s} help for a small agency`,
    ],
    need: 'a developer to build and look after our customer-facing website',
  },
  {
    role: 'Mobile app developer',
    categories: ['Mobile', 'Programming languages'],
    titles: [
      (s) => `Build an ordering app with ${s}`,
      (s) => `Fix crashes in our ${s} app`,
      (s) => `${s} developer for a 3-month project`,
    ],
    need: 'a developer for our mobile app, from the first screens to the store release',
  },
  {
    role: 'DevOps engineer',
    categories: ['DevOps & Cloud', 'Databases'],
    titles: [
      (s) => `Set up ${s} for our deployment pipeline`,
      (s) => `Cut our cloud bill: review our ${s} set-up`,
      (s) => `${s} engineer for a 3-month migration`,
    ],
    need: 'an engineer to make our deployments and servers dependable',
  },
  {
    role: 'Security consultant',
    categories: ['Security', 'DevOps & Cloud'],
    titles: [(s) => `${s} review of our web app`, (s) => `${s} specialist to harden our servers`],
    need: 'a security specialist to find and fix weak points before our customers do',
  },
  {
    role: 'Data scientist',
    categories: ['Data & AI', 'Databases'],
    titles: [
      (s) => `Analyse our customer data with ${s}`,
      (s) => `${s} model to forecast weekly orders`,
      (s) => `Automate monthly reports with ${s}`,
    ],
    need: 'a data specialist to turn our sales and customer data into decisions',
  },
  {
    role: 'Software engineer',
    categories: ['Software engineering', 'Programming languages'],
    titles: [
      (s) => `${s} expert to review our architecture`,
      (s) => `${s} for our billing service`,
      (s) => `${s} specialist for a 3-month project`,
    ],
    need: 'an engineer to make our software easier to change and test',
  },
  {
    role: 'Designer',
    categories: ['Design'],
    titles: [
      (s) => `${s} for our new coffee brand`,
      (s) => `Refresh our website’s look: ${s}`,
      (s) => `${s} for a mobile banking app`,
    ],
    need: 'a designer for a brand and product refresh',
  },
  {
    role: 'Video and audio producer',
    categories: ['Video & Audio'],
    titles: [
      (s) => `${s} for a 2-minute product video`,
      (s) => `${s} for our weekly podcast`,
      (s) => `Ongoing ${s} for a YouTube channel`,
    ],
    need: 'a producer for short videos and a weekly podcast',
  },
  {
    role: 'Writer',
    categories: ['Writing & Translation'],
    titles: [
      (s) => `${s} for our product launch`,
      (s) => `${s}: ten blog posts a month`,
      (s) => `${s} for our help centre`,
    ],
    need: 'a writer who can explain our product plainly to new customers',
  },
  {
    role: 'Marketing specialist',
    categories: ['Marketing'],
    titles: [
      (s) => `${s} to grow our online shop`,
      (s) => `${s} for a product launch campaign`,
      (s) => `${s} specialist for a 3-month campaign`,
    ],
    need: 'a marketer to bring more of the right customers to our shop',
  },
  {
    role: 'Business consultant',
    categories: ['Business'],
    titles: [
      (s) => `${s} for a growing startup`,
      (s) => `${s} consultant for our operations team`,
      (s) => `${s} help for a 3-month project`,
    ],
    need: 'an experienced hand to organise how our team plans and delivers',
  },
  {
    role: 'Accountant',
    categories: ['Finance & Accounting'],
    titles: [
      (s) => `${s} for a small business, monthly`,
      (s) => `${s} for our year-end`,
      (s) => `${s} specialist for a growing startup`,
    ],
    need: 'an accountant to keep our books and numbers in order',
  },
  {
    role: 'Virtual assistant',
    categories: ['Admin & Support'],
    titles: [
      (s) => `${s} for a busy founder, 10 hours a week`,
      (s) => `${s} for our online shop`,
      (s) => `Ongoing ${s} help for a small agency`,
    ],
    need: 'a dependable assistant to take routine work off our hands',
  },
]

/** The web trade: the demo accounts' own work, so their proposals and contracts make sense. */
export const WEB_TRADE = TRADES[0]!

const skillsOf = new Map<SkillCategory, SkillName[]>()
for (const entry of SKILL_ENTRIES) skillsOf.set(entry.category, [...(skillsOf.get(entry.category) ?? []), entry.name])

/**
 * `count` different skills of the trade: the first from its main category, the rest from all of its
 * categories. `pick` chooses one element of a list (the seed's seeded random source).
 */
export function tradeSkills(trade: Trade, count: number, pick: <T>(list: readonly T[]) => T): SkillName[] {
  const [main, ...others] = trade.categories
  const chosen = [pick(skillsOf.get(main)!)]
  // Half of the other skills from the main category too, so a small main category is not drowned.
  const categories = others.length ? [main, main, ...others] : [main]
  const total = categories.reduce((sum, category) => sum + skillsOf.get(category)!.length, 0)
  while (chosen.length < Math.min(count, total)) {
    const skill = pick(skillsOf.get(pick(categories))!)
    if (!chosen.includes(skill)) chosen.push(skill)
  }
  return chosen
}

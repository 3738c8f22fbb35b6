/**
 * A year of hiring history for `npm run seed:large` (LARGE_SEED_HISTORY_PROJECTS projects, default
 * 72,000, spread over the last 12 months), planted so the matching, success and churn models have
 * something true to learn, with noise so none of it is certain:
 *
 * - Who is hired among a project's applicants: a random choice weighted by exp(utility), where the
 *   utility rises with the share of the project's skills the freelancer holds, their rate against
 *   the budget, the experience level fit and the rating they had earned so far (Gumbel noise).
 * - How a contract ends: good (every milestone released, rated 4–5) with a probability that rises
 *   with the freelancer's hidden quality (which their ratings reveal over time), the client's hidden
 *   reliability (which freelancers' reviews of them reveal), the skill match, and falls with a bid
 *   over budget. Otherwise a dispute (decided release, refund or split), a refund, or a poor review.
 * - Churn: a quarter of clients and of freelancers leave on a day in the year. In the 90 days
 *   before it their activity falls; in the last 45 clients leave proposals unanswered and their
 *   hourly invoices unpaid, and freelancers' proposals go unanswered. After it they do nothing.
 *
 * Money moves through the app's own posting functions (escrow fund, release, refund, dispute
 * settlement, hourly charge), so the ledger balances as the real writer would leave it.
 */
import { LEDGER_TRANSACTION, type ExperienceLevel } from '~/domain/enums'
import { DAY_MS, WEEK_MS } from '~/domain/durations'
import {
  insertContractsBulk,
  insertLedgerPostingsBulk,
  insertProposalsBulk,
  listLargeSeedClients,
  listLargeSeedFreelancers,
  type SeedContract,
  type SeedMilestone,
  type SeedProposal,
} from '~/models/hiring-history-seed.server'
import { checkLedgerInvariants, type LedgerPosting } from '~/models/ledger.server'
import { ensureSkills } from '~/models/profiles.server'
import { insertProjectsBulk, type BulkProject } from '~/models/projects.server'
import { escrowSharesPosting, fundingPosting } from '~/services/payments/ledger/escrow-postings'
import { invoiceChargePosting, splitInvoiceCharge } from '~/services/payments/ledger/invoice-postings'
import { smoothedRating, smoothedShare } from '~/services/marketplace/rank'
import { SKILLS } from '~/services/marketplace/skills-taxonomy'
import { seededRandom } from '~/utils/seeded-random'

const PROJECTS = Number(process.env.LARGE_SEED_HISTORY_PROJECTS ?? 72_000)
const FEE_PERCENT = 10
const CHUNK = 2_000
const LEVELS: readonly ExperienceLevel[] = ['entry', 'intermediate', 'expert']

/** A small fast seeded generator (mulberry32): the same history every run. */
function generator(seed: number) {
  const next = seededRandom(seed)
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const normal = () => Math.sqrt(-2 * Math.log(next() || 1e-12)) * Math.cos(2 * Math.PI * next())
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  return { next, int, normal, pick, chance: (p: number) => next() < p }
}
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z))
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x))

type Person = {
  id: string
  createdAt: number
  /** Hidden: quality for freelancers, reliability for clients (standard normal). */
  hidden: number
  intensity: number
  /** The day they leave, or Infinity. */
  churnAt: number
}
type FreelancerState = Person & {
  rate: number
  level: ExperienceLevel
  skills: Set<number>
  reviewSum: number
  reviews: number
  ended: number
  paid: number
}

/** 1 normally, falling to 0.25 over the 90 days before leaving, 0 after. */
function activity(person: Person, at: number): number {
  if (at < person.createdAt || at >= person.churnAt) return 0
  const left = (person.churnAt - at) / DAY_MS
  return left >= 90 ? 1 : 0.25 + 0.75 * (left / 90)
}
const winding = (person: Person, at: number) => at < person.churnAt && person.churnAt - at < 45 * DAY_MS

function mondayOf(at: number): string {
  const date = new Date(at)
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7))
  return date.toISOString().slice(0, 10)
}

/** Plants the history; `progress` hears a line every 12,000 projects. */
export async function seedHiringHistory(now: number, progress?: (line: string) => void): Promise<string> {
  const started = Date.now()
  const rng = generator(19_019)
  const skillIds = await ensureSkills([...SKILLS])
  const skillName = new Map([...skillIds].map(([name, id]) => [id, name]))
  const allSkills = [...skillIds.values()]
  const person = (id: string, createdAt: number): Person => ({
    id,
    createdAt,
    hidden: rng.normal(),
    intensity: Math.exp(0.7 * rng.normal()),
    churnAt: rng.chance(0.25) ? now - rng.int(30, 300) * DAY_MS : Infinity,
  })
  const clients = (await listLargeSeedClients()).map((c) => person(c.id, c.createdAt))
  const freelancers: FreelancerState[] = (await listLargeSeedFreelancers()).map((f) => ({
    ...person(f.id, f.createdAt),
    rate: f.hourlyRateMinor,
    level: f.experienceLevel,
    skills: new Set(f.skillIds),
    reviewSum: 0,
    reviews: 0,
    ended: 0,
    paid: 0,
  }))
  if (!clients.length || !freelancers.length) return 'No seed:large accounts: no hiring history planted.'
  const bySkill = new Map<number, FreelancerState[]>()
  for (const f of freelancers)
    for (const s of f.skills) {
      if (!bySkill.has(s)) bySkill.set(s, [])
      bySkill.get(s)!.push(f)
    }
  const freelancerById = new Map(freelancers.map((f) => [f.id, f]))
  const clientById = new Map(clients.map((c) => [c.id, c]))
  const maxIntensity = (people: Person[]) => Math.max(...people.map((p) => p.intensity))
  const clientMax = maxIntensity(clients)
  const freelancerMax = maxIntensity(freelancers)
  /** Rejection sampling: someone active at `at`, in proportion to intensity × activity. */
  function draw<T extends Person>(pool: T[], max: number, at: number): T | null {
    for (let tries = 0; tries < 60; tries++) {
      const candidate = rng.pick(pool)
      if (rng.next() * max < candidate.intensity * activity(candidate, at)) return candidate
    }
    return null
  }
  // Reviews and contract ends become visible on the day they happen: a queue by day.
  const pending = new Map<number, (() => void)[]>()
  const later = (at: number, apply: () => void) => {
    const day = Math.floor(at / DAY_MS)
    if (!pending.has(day)) pending.set(day, [])
    pending.get(day)!.push(apply)
  }
  let appliedDay = Math.floor((now - 400 * DAY_MS) / DAY_MS)
  const catchUp = (at: number) => {
    for (const day = Math.floor(at / DAY_MS); appliedDay <= day; appliedDay++) {
      for (const apply of pending.get(appliedDay) ?? []) apply()
      pending.delete(appliedDay)
    }
  }

  const times = Array.from({ length: PROJECTS }, () => now - rng.next() * 358 * DAY_MS - 7 * DAY_MS).sort()
  const totals = { projects: 0, proposals: 0, contracts: 0, milestones: 0, entries: 0, disputes: 0, invoices: 0 }
  let projects: BulkProject[] = []
  let proposals: SeedProposal[] = []
  let contracts: SeedContract[] = []
  let postings: { id: string; posting: LedgerPosting }[] = []
  const flush = async () => {
    await insertProjectsBulk(projects)
    await insertProposalsBulk(proposals)
    await insertContractsBulk(contracts)
    totals.entries += await insertLedgerPostingsBulk(postings)
    const before = totals.projects
    totals.projects += projects.length
    if (progress && Math.floor(totals.projects / 12_000) > Math.floor(before / 12_000))
      progress(`${totals.projects} past projects, ${totals.entries} ledger entries`)
    totals.proposals += proposals.length
    totals.contracts += contracts.length
    projects = []
    proposals = []
    contracts = []
    postings = []
  }
  const post = (posting: LedgerPosting): string => {
    const id = crypto.randomUUID()
    if (posting.at.getTime() <= now) postings.push({ id, posting })
    return id
  }

  for (const createdAt of times) {
    catchUp(createdAt)
    const client = draw(clients, clientMax, createdAt)
    if (!client) continue
    const skills = Array.from({ length: rng.int(2, 5) }, () => rng.pick(allSkills)).filter(
      (id, i, all) => all.indexOf(id) === i,
    )
    const hourly = rng.chance(0.15)
    const low = hourly ? rng.int(15, 60) * 100 : 0
    const budgetMax = hourly ? low + rng.int(5, 60) * 100 : rng.int(4, 200) * 10_000
    const level = rng.pick(LEVELS)
    const first = skillName.get(skills[0]!)!
    const project: BulkProject = {
      id: crypto.randomUUID(),
      clientId: client.id,
      title: `${first} work for ${['a shop', 'a studio', 'an agency', 'a clinic', 'a startup', 'a charity'][rng.int(0, 5)]}`,
      description: `We need help with ${skills.map((s) => skillName.get(s)).join(', ')}. Tell us about similar work you delivered.`,
      budgetType: hourly ? 'hourly' : 'fixed',
      budgetMinMinor: low,
      budgetMaxMinor: budgetMax,
      currency: 'USD',
      experienceLevel: level,
      status: 'closed',
      visibility: 'public',
      createdAt: new Date(createdAt),
      updatedAt: new Date(createdAt),
      skillIds: skills,
    }
    projects.push(project)

    // Applicants: mostly freelancers holding one of the skills, some from anywhere.
    const applicants = new Map<string, FreelancerState>()
    for (let i = rng.int(3, 9); i > 0; i--) {
      const pool = rng.chance(0.75) ? (bySkill.get(rng.pick(skills)) ?? freelancers) : freelancers
      const applicant = draw(pool, freelancerMax, createdAt)
      if (applicant) applicants.set(applicant.id, applicant)
    }
    const silent = winding(client, createdAt) ? rng.chance(0.7) : rng.chance(0.04)
    const hireAt = createdAt + rng.int(2, 6) * DAY_MS
    const scored = [...applicants.values()].map((f) => {
      const skill = skills.filter((s) => f.skills.has(s)).length / skills.length
      const bid = hourly ? f.rate : Math.max(2_000, Math.round((budgetMax * Math.exp(0.35 * rng.normal())) / 100) * 100)
      const rateFit = bid <= budgetMax ? 1 : clamp(1 - (bid - budgetMax) / budgetMax, 0, 1)
      const levelFit = [1, 0.5, 0][Math.abs(LEVELS.indexOf(level) - LEVELS.indexOf(f.level))]!
      const rating = clamp((smoothedRating(f.reviews, f.reviews ? f.reviewSum / f.reviews : null) - 1) / 4, 0, 1)
      const success = smoothedShare(f.paid, f.ended)
      const utility =
        3 * skill +
        1.4 * rateFit +
        0.9 * levelFit +
        5 * (rating - 0.75) +
        2 * (success - 0.8) -
        (winding(f, createdAt) ? 1.5 : 0) -
        Math.log(-Math.log(rng.next() || 1e-12))
      return { f, skill, bid, rateFit, levelFit, utility }
    })
    const hired =
      silent || !scored.length || rng.chance(0.08) ? null : scored.reduce((a, b) => (b.utility > a.utility ? b : a))
    if (silent) project.status = 'open'
    else {
      project.closeReason = hired ? 'hired' : 'no_hire'
      project.closedAt = new Date(hired ? hireAt : createdAt + 20 * DAY_MS)
    }
    const proposalIds = new Map<string, string>()
    for (const s of scored) {
      const id = crypto.randomUUID()
      proposalIds.set(s.f.id, id)
      const sentAt = createdAt + rng.next() * (hireAt - createdAt) * 0.9
      const answered = !silent && !(winding(s.f, createdAt) && rng.chance(0.6))
      proposals.push({
        id,
        projectId: project.id,
        freelancerId: s.f.id,
        bidType: hourly ? 'hourly' : 'fixed',
        bidAmountMinor: s.bid,
        durationDays: rng.int(7, 60),
        status: silent ? 'submitted' : s === hired ? 'accepted' : 'not_hired',
        viewedAt: answered ? sentAt + rng.int(1, 48) * 3_600_000 : null,
        decidedAt: silent ? null : hireAt,
        createdAt: Math.round(sentAt),
      })
    }
    if (hired) {
      contracts.push(plantContract(hired, client, project, proposalIds.get(hired.f.id)!, hireAt))
    }
    if (projects.length >= CHUNK) await flush()
  }
  await flush()
  const ledger = await checkLedgerInvariants()
  if (ledger.unbalancedCurrencies.length || ledger.negativeAccounts || ledger.unbalancedTransactions)
    throw new Error(`The planted ledger breaks an invariant: ${JSON.stringify(ledger)}`)
  return `${totals.projects} past projects, ${totals.proposals} proposals, ${totals.contracts} contracts, ${totals.milestones} milestones (${totals.disputes} disputed), ${totals.invoices} invoices, ${totals.entries} ledger entries of hiring history (ledger invariants hold) in ${((Date.now() - started) / 1000).toFixed(1)} s`

  /** The contract of a hire: its milestones or weekly invoices, what went wrong if anything, the reviews. */
  function plantContract(
    hire: { f: FreelancerState; skill: number; bid: number; levelFit: number },
    client: Person,
    project: BulkProject,
    proposalId: string,
    at: number,
  ): SeedContract {
    const f = hire.f
    const overBudget = Math.max(0, hire.bid / project.budgetMaxMinor - 1)
    const good = rng.chance(
      sigmoid(
        0.7 +
          1.1 * f.hidden +
          0.8 * client.hidden +
          2.2 * (hire.skill - 0.6) -
          2.5 * overBudget +
          0.6 * (hire.levelFit - 0.5),
      ),
    )
    const contract: SeedContract = {
      id: crypto.randomUUID(),
      projectId: project.id,
      proposalId,
      clientId: client.id,
      freelancerId: f.id,
      title: project.title,
      type: project.budgetType,
      hourlyRateMinor: project.budgetType === 'hourly' ? hire.bid : null,
      status: 'active',
      endedAt: null,
      endReason: null,
      hourlyPausedAt: null,
      createdAt: at,
      milestones: [],
      invoices: [],
      dispute: null,
      reviews: [],
    }
    const subject = { contract: { ...contract, currency: 'USD' } }
    let end = at
    let outcome: 'good' | 'poor' | 'dispute' | 'refund' = good ? 'good' : 'poor'
    if (project.budgetType === 'hourly') {
      const weeks = rng.int(2, 10)
      for (let w = 0; w < weeks; w++) {
        const weekEnd = at + (w + 1) * WEEK_MS
        if (weekEnd > now) break
        const minutes = rng.int(5, 20) * 60
        const amount = Math.round((hire.bid * minutes) / 60)
        const unpaid = winding(client, weekEnd) || rng.chance(0.01)
        const id = crypto.randomUUID()
        const split = splitInvoiceCharge(amount, FEE_PERCENT, 0)
        const paidAt = weekEnd + rng.int(3, 6) * DAY_MS
        const weekStart = mondayOf(weekEnd - WEEK_MS)
        const ledgerId = unpaid
          ? null
          : post(
              invoiceChargePosting(
                { invoiceId: id, weekStart, contract: subject.contract },
                split,
                'card',
                '',
                new Date(Math.min(paidAt, now)),
              ),
            )
        contract.invoices.push({
          id,
          weekStart,
          minutes,
          amountMinor: amount,
          status: unpaid ? 'payment_failed' : 'paid',
          reviewDueAt: weekEnd + 5 * DAY_MS,
          approvedAt: weekEnd + DAY_MS,
          paidAt: unpaid ? null : Math.min(paidAt, now),
          chargeFailures: unpaid ? 3 : 0,
          feeMinor: unpaid ? null : split.feeMinor,
          netMinor: unpaid ? null : split.netMinor,
          ledgerTransactionId: ledgerId,
        })
        totals.invoices++
        end = paidAt
        if (unpaid) {
          contract.hourlyPausedAt = paidAt
          return finish(contract, 'unpaid', end)
        }
      }
      return contract.invoices.length && end <= now ? finish(contract, outcome, end) : contract
    }

    const count = rng.int(2, 8)
    const failAt = good ? count : rng.int(0, count - 1)
    if (!good) outcome = (['dispute', 'dispute', 'refund', 'poor', 'poor'] as const)[rng.int(0, 4)]!
    let due = at
    let fundedAt = at
    let amountLeft = hire.bid
    for (let position = 0; position < count; position++) {
      const planned = rng.int(4, 12) * DAY_MS
      due += planned
      const amount = position === count - 1 ? amountLeft : Math.max(100, Math.round(hire.bid / count))
      amountLeft -= amount
      if (amount <= 0) break
      const late = rng.chance(sigmoid(-(1 + 0.9 * f.hidden)))
      const submittedAt = fundedAt + planned + (late ? rng.int(1, 6) * DAY_MS : -rng.int(0, 2) * DAY_MS)
      const releasedAt = submittedAt + rng.int(0, 3) * DAY_MS
      const milestone: SeedMilestone = {
        id: crypto.randomUUID(),
        position,
        title: `Milestone ${position + 1}`,
        amountMinor: amount,
        dueDate: due,
        status: 'pending',
        fundedAt: null,
        submittedAt: null,
        approvedAt: null,
        releasedAt: null,
        refundedAt: null,
      }
      contract.milestones.push(milestone)
      totals.milestones++
      if (fundedAt > now) break
      const ref = { ...subject, milestone }
      post(fundingPosting(ref, amount, { kind: 'card', paymentId: milestone.id }, new Date(fundedAt)))
      Object.assign(milestone, { status: 'funded', fundedAt })
      const failing = position === failAt && (outcome === 'dispute' || outcome === 'refund')
      if (failing && outcome === 'refund') {
        const refundedAt = fundedAt + rng.int(2, 8) * DAY_MS
        if (refundedAt > now) break
        post(
          escrowSharesPosting(
            ref,
            { toFreelancerMinor: 0, toClientMinor: amount },
            FEE_PERCENT,
            {
              key: `milestone:${milestone.id}:refund`,
              kind: LEDGER_TRANSACTION.escrowRefund,
              description: `Refunded “${milestone.title}”`,
            },
            new Date(refundedAt),
          ),
        )
        Object.assign(milestone, { status: 'refunded', refundedAt })
        return finish(contract, outcome, refundedAt)
      }
      if (submittedAt > now) break
      Object.assign(milestone, { status: 'submitted', submittedAt })
      if (failing) {
        const decidedAt = submittedAt + rng.int(4, 12) * DAY_MS
        if (decidedAt > now) break
        const decision = rng.pick(['refund', 'refund', 'split', 'release'] as const)
        const toFreelancer = decision === 'refund' ? 0 : decision === 'release' ? amount : Math.floor(amount / 2)
        const disputeId = crypto.randomUUID()
        post(
          escrowSharesPosting(
            ref,
            { toFreelancerMinor: toFreelancer, toClientMinor: amount - toFreelancer },
            FEE_PERCENT,
            {
              key: `dispute:${disputeId}:settle`,
              kind: LEDGER_TRANSACTION.escrowDispute,
              description: `Dispute decision on “${milestone.title}”`,
            },
            new Date(decidedAt),
          ),
        )
        contract.dispute = {
          id: disputeId,
          milestoneId: milestone.id,
          openedBy: client.id,
          amountMinor: amount,
          decision,
          freelancerShareMinor: toFreelancer,
          openedAt: submittedAt + DAY_MS,
          decidedAt,
        }
        totals.disputes++
        Object.assign(
          milestone,
          toFreelancer > 0
            ? { status: 'released', approvedAt: decidedAt, releasedAt: decidedAt }
            : { status: 'refunded', refundedAt: decidedAt },
        )
        return finish(contract, outcome, decidedAt)
      }
      if (releasedAt > now) break
      post(
        escrowSharesPosting(
          ref,
          { toFreelancerMinor: amount, toClientMinor: 0 },
          FEE_PERCENT,
          {
            key: `milestone:${milestone.id}:release`,
            kind: LEDGER_TRANSACTION.escrowRelease,
            description: `Released “${milestone.title}”`,
          },
          new Date(releasedAt),
        ),
      )
      Object.assign(milestone, { status: 'released', approvedAt: releasedAt, releasedAt })
      fundedAt = releasedAt
      end = releasedAt
    }
    const settled = contract.milestones.every((m) => m.status === 'released' || m.status === 'refunded')
    return settled && end <= now ? finish(contract, outcome, end) : contract
  }

  /** Ends the contract, writes the reviews, and makes them count for later hires from the day they appear. */
  function finish(contract: SeedContract, outcome: string, at: number): SeedContract {
    const f = freelancerById.get(contract.freelancerId)!
    const client = clientById.get(contract.clientId)!
    if (outcome !== 'unpaid') {
      contract.status = 'ended'
      contract.endedAt = at
      contract.endReason = outcome === 'good' || outcome === 'poor' ? 'Work delivered' : 'Ended after a disagreement'
    }
    const rating =
      outcome === 'good'
        ? rng.chance(sigmoid(f.hidden + 0.5))
          ? 5
          : 4
        : outcome === 'poor'
          ? rng.int(2, 3)
          : rng.int(1, 2)
    const reviewAt = at + rng.int(1, 5) * DAY_MS
    if (outcome !== 'unpaid' && reviewAt <= now) {
      if (rng.chance(0.92))
        contract.reviews.push({
          reviewerId: client.id,
          revieweeId: f.id,
          direction: 'client_to_freelancer',
          rating,
          createdAt: reviewAt,
        })
      if (rng.chance(0.85))
        contract.reviews.push({
          reviewerId: f.id,
          revieweeId: client.id,
          direction: 'freelancer_to_client',
          rating: clamp(Math.round(3.6 + 0.9 * client.hidden + 0.6 * rng.normal()), 1, 5),
          createdAt: reviewAt,
        })
    }
    const paid = contract.milestones.some((m) => m.releasedAt) || contract.invoices.some((i) => i.paidAt)
    const given = contract.reviews.find((r) => r.direction === 'client_to_freelancer')?.rating
    later(reviewAt, () => {
      f.ended++
      if (paid && outcome !== 'dispute') f.paid++
      if (given !== undefined) {
        f.reviews++
        f.reviewSum += given
      }
    })
    return contract
  }
}

import crypto from 'node:crypto'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '~/models/db.server'
import type { BudgetType, ExperienceLevel } from '~/domain/enums'
import { ensureSkills, replaceFreelancerSkills } from '~/models/profiles.server'
import { createProjectWithSkills } from '~/models/projects.server'
import { contracts, freelancerProfiles, projects, proposals } from '~/models/schema'
import { loader as proposeLoader } from '~/routes/_portal.projects_.$projectId_.propose'
import { action as newProjectAction } from '~/routes/_portal.projects_.new'
import { suggestPriceFor } from '~/services/marketplace/price-suggestion.server'
import { formRequest, getRequest, run } from './requests'
import { createTestUser, signedInCookie } from './users'

/** The client who asks (posts projects); the market's contracts are another client's. */
let clientId = ''
let marketClientId = ''

/** A project that was agreed: an accepted bid that became a contract. */
async function agreed(input: {
  skills: string[]
  level: ExperienceLevel
  bidType: BudgetType
  amountMinor: number
  currency: string
  accepted?: boolean
  freelancerId?: string
  clientId?: string
}) {
  const owner = input.clientId ?? marketClientId
  const freelancer = input.freelancerId ? { id: input.freelancerId } : await createTestUser('freelancer')
  const projectId = await createProjectWithSkills(
    {
      clientId: owner,
      title: 'Similar work',
      description: 'Similar work for the price data.',
      budgetType: input.bidType,
      budgetMinMinor: 1,
      budgetMaxMinor: 1,
      currency: input.currency,
      experienceLevel: input.level,
    },
    input.skills,
  )
  const proposalId = crypto.randomUUID()
  const db = getDb()
  db.insert(proposals)
    .values({
      id: proposalId,
      projectId,
      freelancerId: freelancer.id,
      coverLetter: 'Yes.',
      bidType: input.bidType,
      bidAmountMinor: input.amountMinor,
      currency: input.currency,
      durationDays: 7,
      status: input.accepted === false ? 'declined' : 'accepted',
    })
    .run()
  if (input.accepted !== false) {
    db.insert(contracts)
      .values({
        id: crypto.randomUUID(),
        projectId,
        proposalId,
        clientId: owner,
        freelancerId: freelancer.id,
        title: 'Similar work',
        type: input.bidType,
        currency: input.currency,
      })
      .run()
  }
}

async function freelancerWithRate(skills: string[], level: ExperienceLevel, rateMinor: number, currency = 'USD') {
  const freelancer = await createTestUser('freelancer')
  getDb()
    .update(freelancerProfiles)
    .set({ hourlyRateMinor: rateMinor, currency, experienceLevel: level })
    .where(eq(freelancerProfiles.userId, freelancer.id))
    .run()
  await replaceFreelancerSkills(freelancer.id, [...(await ensureSkills(skills)).values()])
}

beforeAll(async () => {
  clientId = (await createTestUser('client')).id
  marketClientId = (await createTestUser('client')).id
  for (const amount of [40_000, 50_000, 60_000, 70_000, 80_000])
    await agreed({
      skills: ['React', 'Node.js'],
      level: 'expert',
      bidType: 'fixed',
      amountMinor: amount,
      currency: 'USD',
    })
  // Not counted: another currency, another level, no shared skill, a bid that was not accepted.
  await agreed({ skills: ['React'], level: 'expert', bidType: 'fixed', amountMinor: 999_00, currency: 'EUR' })
  await agreed({ skills: ['React'], level: 'entry', bidType: 'fixed', amountMinor: 5_00, currency: 'USD' })
  await agreed({ skills: ['Translation'], level: 'expert', bidType: 'fixed', amountMinor: 7_000_00, currency: 'USD' })
  await agreed({
    skills: ['React'],
    level: 'expert',
    bidType: 'fixed',
    amountMinor: 9_000_00,
    currency: 'USD',
    accepted: false,
  })
  await agreed({ skills: ['React'], level: 'expert', bidType: 'hourly', amountMinor: 60_00, currency: 'USD' })
  for (const rate of [40_00, 50_00, 70_00]) await freelancerWithRate(['React'], 'expert', rate)
  await freelancerWithRate(['React'], 'expert', 45_00, 'GBP')
})

describe('price suggestions', () => {
  it('uses accepted bids of the same type, level, skills and currency', async () => {
    const fixed = await suggestPriceFor({
      skills: ['React'],
      level: 'expert',
      currency: 'USD',
      budgetType: 'fixed',
      viewerId: clientId,
    })
    expect(fixed).toMatchObject({
      acceptedBids: { n: 5, p25: 50_000, median: 60_000, p75: 70_000 },
      freelancerRates: null,
      suggested: { lowMinor: 50_000, highMinor: 70_000 },
      basedOn: 5,
      confidence: 'low',
      otherCurrencyCount: 1,
    })
  })

  it("leaves out a single accepted hourly bid (another person's price) and suggests from profile rates", async () => {
    const hourly = await suggestPriceFor({
      skills: ['React', 'Vue.js'],
      level: 'expert',
      currency: 'USD',
      budgetType: 'hourly',
      viewerId: clientId,
    })
    // Before: "Accepted hourly bids (n = 1): … median $60", the one bid's exact amount.
    expect(hourly).toMatchObject({
      acceptedBids: null,
      acceptedBidsWithheld: 1,
      freelancerRates: { n: 3, p25: 45_00, median: 50_00, p75: 60_00 },
      suggested: { lowMinor: 45_00, highMinor: 60_00 },
      basedOn: 3,
      otherCurrencyCount: 1,
    })
  })

  it('shows accepted bids only once they come from 5 different freelancers', async () => {
    const query = {
      skills: ['Elixir'],
      level: 'expert' as const,
      currency: 'USD',
      budgetType: 'fixed' as const,
      viewerId: clientId,
    }
    const oneFreelancer = await createTestUser('freelancer')
    for (const amount of [1_000_00, 1_100_00, 1_200_00, 1_300_00, 1_400_00])
      await agreed({
        skills: ['Elixir'],
        level: 'expert',
        bidType: 'fixed',
        amountMinor: amount,
        currency: 'USD',
        freelancerId: oneFreelancer.id,
      })
    expect(await suggestPriceFor(query)).toMatchObject({ acceptedBids: null, acceptedBidsWithheld: 5, suggested: null })
    for (const amount of [1_500_00, 1_600_00, 1_700_00, 1_800_00])
      await agreed({ skills: ['Elixir'], level: 'expert', bidType: 'fixed', amountMinor: amount, currency: 'USD' })
    expect(await suggestPriceFor(query)).toMatchObject({
      acceptedBids: { n: 9, p25: 1_200_00, median: 1_400_00, p75: 1_600_00 },
      acceptedBidsWithheld: 0,
      suggested: { lowMinor: 1_200_00, highMinor: 1_600_00 },
    })
  })

  it("does not count a viewer's own contracts towards the 5 freelancers, so 4 known bids cannot reveal the fifth", async () => {
    const holder = await createTestUser('client')
    const query = { skills: ['Haskell'], level: 'expert' as const, currency: 'USD', budgetType: 'fixed' as const }
    for (const amount of [2_000_00, 2_100_00, 2_200_00, 2_300_00])
      await agreed({ ...query, bidType: 'fixed', amountMinor: amount, clientId: holder.id })
    await agreed({ ...query, bidType: 'fixed', amountMinor: 3_456_00 })
    // Before: 5 freelancers matched, so the holder saw quartiles of which only the fifth bid was unknown.
    expect(await suggestPriceFor({ ...query, viewerId: holder.id })).toMatchObject({
      acceptedBids: null,
      acceptedBidsWithheld: 1,
      suggested: null,
    })
    // The freelancer of one of those contracts does not count theirs either.
    const [mine] = getDb().select().from(contracts).where(eq(contracts.clientId, holder.id)).all()
    expect(await suggestPriceFor({ ...query, viewerId: mine!.freelancerId })).toMatchObject({
      acceptedBids: null,
      acceptedBidsWithheld: 4,
    })
    // Someone with none of them sees all five, rounded.
    expect(await suggestPriceFor({ ...query, viewerId: clientId })).toMatchObject({
      acceptedBids: { n: 5, median: 2_200_00 },
      acceptedBidsWithheld: 0,
    })
  })

  it('"Suggest a budget" on the new project form returns the suggestion and the values typed, posting nothing', async () => {
    const cookie = await signedInCookie(clientId)
    const before = getDb().select().from(projects).all().length
    const response = await run(
      newProjectAction,
      formRequest(
        '/projects/new',
        {
          intent: 'suggest',
          title: 'Shop',
          skills: 'react, nodejs',
          budgetType: 'fixed',
          currency: 'USD',
          experienceLevel: 'expert',
          visibility: 'public',
        },
        cookie,
      ),
    )
    expect(response.status).toBe(200)
    const data = (await response.json()) as {
      result: { initialValue: Record<string, string>; error?: Record<string, unknown> }
      suggestion: { skills: string[]; suggested: unknown }
    }
    expect(data.suggestion).toMatchObject({
      skills: ['React', 'Node.js'],
      suggested: { lowMinor: 50_000, highMinor: 70_000 },
    })
    expect(data.result.initialValue).toMatchObject({ title: 'Shop', skills: 'react, nodejs' })
    expect(Object.values(data.result.error ?? {}).filter(Boolean)).toEqual([])
    expect(getDb().select().from(projects).all().length).toBe(before)
  })

  it('shows the suggestion for the project’s skills and level when bidding', async () => {
    const projectId = await createProjectWithSkills(
      {
        clientId,
        title: 'New shop',
        description: 'A new shop in React.',
        budgetType: 'fixed',
        budgetMinMinor: 60_000,
        budgetMaxMinor: 60_000,
        currency: 'USD',
        experienceLevel: 'expert',
      },
      ['React'],
    )
    const freelancer = await createTestUser('freelancer')
    const response = await run(
      proposeLoader,
      getRequest(`/projects/${projectId}/propose`, await signedInCookie(freelancer.id)),
      { projectId },
    )
    const data = (await response.json()) as { suggestion: { skills: string[]; basedOn: number; suggested: unknown } }
    expect(data.suggestion).toMatchObject({
      skills: ['React'],
      basedOn: 5,
      suggested: { lowMinor: 50_000, highMinor: 70_000 },
    })
  })
})

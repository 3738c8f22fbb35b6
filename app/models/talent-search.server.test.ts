import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { Availability } from '~/domain/enums'
import { insertHiredContract } from '~/test/escrow-fixtures'
import { createTestUser } from '~/test/users'
import { insertReview } from './contract-reviews.server'
import { getDb } from './db.server'
import { saveDiscoveryPreferences } from './discovery.server'
import { ensureSkills, replaceFreelancerSkills, updateFreelancerProfile } from './profiles.server'
import { rebuildFreelancerSearchIndex, searchFreelancers, type TalentSearchInput } from './talent-search.server'
import { blockUser, updateUserName } from './users.server'

/** A word no other test's freelancer has, so each test reads only its own freelancers. */
function tag() {
  return `zq${crypto.randomUUID().replaceAll('-', '').slice(0, 10)}`
}

async function freelancer(
  word: string,
  {
    name = 'Test freelancer',
    headline = `Designer ${word}`,
    bio = '',
    rate = 5000,
    skills = ['Figma'],
    availability = 'full_time' as Availability,
  }: {
    name?: string
    headline?: string
    bio?: string
    rate?: number | null
    skills?: string[]
    availability?: Availability
  } = {},
) {
  const user = await createTestUser('freelancer', { name })
  await updateFreelancerProfile(user.id, { headline, bio, hourlyRateMinor: rate, availability })
  await replaceFreelancerSkills(user.id, [...(await ensureSkills(skills)).values()])
  return user
}

async function ids(input: TalentSearchInput) {
  return (await searchFreelancers(input)).rows.map((row) => row.id)
}

/** Client reviews of a freelancer, each on its own ended contract, visible at once (both sides reviewed). */
async function reviewed(freelancerId: string, ratings: number[]) {
  const client = await createTestUser('client')
  for (const rating of ratings) {
    const contract = await insertHiredContract({
      clientId: client.id,
      freelancerId,
      type: 'fixed',
      title: 'Reviewed work',
      amountMinor: 10_000,
      contract: { status: 'ended', endedAt: new Date(Date.now() - 86_400_000) },
    })
    for (const [reviewerId, revieweeId, direction] of [
      [client.id, freelancerId, 'client_to_freelancer'],
      [freelancerId, client.id, 'freelancer_to_client'],
    ] as const)
      await insertReview({
        contractId: contract.id,
        reviewerId,
        revieweeId,
        direction,
        rating,
        subRatings: {},
        comment: 'Fine.',
        createdAt: new Date(),
      })
  }
}

describe('who the talent search lists', () => {
  it('lists complete freelancer profiles only: no blocked, client or incomplete accounts; members-only hidden from visitors', async () => {
    const word = tag()
    const listed = await freelancer(word)
    const noHeadline = await freelancer(word, { headline: '', bio: `Bio ${word}` })
    const noRate = await freelancer(word, { rate: null })
    const noSkills = await freelancer(word, { skills: [] })
    const blocked = await freelancer(word)
    await blockUser(blocked.id, 'spam')
    const client = await createTestUser('client', { name: `Client ${word}` })
    const membersOnly = await freelancer(word)
    await saveDiscoveryPreferences(membersOnly.id, { membersOnly: true, recommendationsOff: false })

    const found = await ids({ q: word })
    expect(found.sort()).toEqual([listed.id, membersOnly.id].sort())
    for (const hidden of [noHeadline, noRate, noSkills, blocked, client]) expect(found).not.toContain(hidden.id)
    expect(await ids({ q: word, visitor: true })).toEqual([listed.id])
  })

  it('finds words in the name, headline, bio and skills, as typed, in the other number or by a skill synonym', async () => {
    const word = tag()
    const byName = await freelancer(word, { name: `Ada ${word}name`, headline: `Writer ${word}` })
    const byBio = await freelancer(word, { headline: `Writer ${word}`, bio: `I build ${word}bio things.` })
    const bySkill = await freelancer(word, { headline: `Ops ${word}`, skills: ['Kubernetes'] })
    const byPlural = await freelancer(word, { headline: `Illustrator ${word}` })
    expect(await ids({ q: `${word}name` })).toEqual([byName.id])
    expect(await ids({ q: `${word}bio` })).toEqual([byBio.id])
    expect(await ids({ q: `k8s ${word}`, qSynonyms: { k8s: ['Kubernetes'] } })).toEqual([bySkill.id])
    expect(await ids({ q: `illustrators ${word}` })).toEqual([byPlural.id])
  })

  it('keeps the index in step with renamed accounts and changed skills', async () => {
    const word = tag()
    const user = await freelancer(word)
    await updateUserName(user.id, `Grace ${word}renamed`)
    expect(await ids({ q: `${word}renamed` })).toEqual([user.id])
    await replaceFreelancerSkills(user.id, [...(await ensureSkills(['Rust'])).values()])
    expect(await ids({ q: `rust ${word}` })).toEqual([user.id])
    expect(await ids({ q: `figma ${word}` })).toEqual([])
    // Rebuilt from the tables (after a VACUUM), the index finds the same.
    expect(await rebuildFreelancerSearchIndex()).toBeGreaterThan(0)
    expect(await ids({ q: `rust ${word}renamed` })).toEqual([user.id])
    // Without skills the profile is no longer complete enough to list.
    await replaceFreelancerSkills(user.id, [])
    expect(await ids({ q: word })).toEqual([])
  })
})

describe('talent search filters, sorts and pages', () => {
  it('filters by every chosen skill, hourly rate, availability and rating', async () => {
    const word = tag()
    const both = await freelancer(word, { skills: ['React', 'TypeScript'], rate: 8000 })
    const reactOnly = await freelancer(word, { skills: ['React'], rate: 3000, availability: 'part_time' })
    const away = await freelancer(word, { skills: ['Go'], rate: 4000, availability: 'not_available' })
    await reviewed(both.id, [5, 4])
    await reviewed(reactOnly.id, [3])

    expect(await ids({ q: word, skills: ['React', 'TypeScript'] })).toEqual([both.id])
    expect((await ids({ q: word, skills: ['React'] })).sort()).toEqual([both.id, reactOnly.id].sort())
    expect(await ids({ q: word, skills: ['No such skill'] })).toEqual([])
    expect(await ids({ q: word, rateMin: 35, rateMax: 60 })).toEqual([away.id])
    expect((await ids({ q: word, available: 'yes' })).sort()).toEqual([both.id, reactOnly.id].sort())
    expect(await ids({ q: word, available: 'full_time' })).toEqual([both.id])
    expect(await ids({ q: word, ratingMin: 4 })).toEqual([both.id])
    expect((await ids({ q: word, ratingMin: 0 })).sort()).toEqual([both.id, reactOnly.id].sort())
    // Rates compare in each freelancer's own currency: ¥5,000 an hour is 5,000, not 50.
    const yen = await freelancer(word, { rate: 5000 })
    await updateFreelancerProfile(yen.id, { currency: 'JPY' })
    expect(await ids({ q: word, rateMin: 1000 })).toEqual([yen.id])
    expect(await ids({ q: word, rateMin: 35, rateMax: 60 })).toEqual([away.id])
    const [card] = (await searchFreelancers({ q: word, skills: ['TypeScript'] })).rows
    expect(card).toMatchObject({ rating: 4.5, reviewCount: 2, skills: ['TypeScript', 'React'], skillCount: 2 })
  })

  it('sorts by rate, by the smoothed rating, by best match and by recent activity; pages', async () => {
    const word = tag()
    const manyFives = await freelancer(word, { rate: 9000, headline: `Designer ${word}`, skills: ['Figma'] })
    const oneFive = await freelancer(word, { rate: 2000, headline: `Designer`, bio: `Some ${word} work` })
    const unrated = await freelancer(word, { rate: 5000 })
    const oneTwo = await freelancer(word, { rate: 7000 })
    await reviewed(manyFives.id, [5, 5, 5])
    await reviewed(oneFive.id, [5])
    await reviewed(oneTwo.id, [2])

    expect(await ids({ q: word, sort: 'rate_low' })).toEqual([oneFive.id, unrated.id, oneTwo.id, manyFives.id])
    // As if 5 more reviews of 4 stars: three 5s (4.375) beat one 5 (4.17), which beats none (4.0) and one 2 (3.67).
    expect(await ids({ q: word, sort: 'rating' })).toEqual([manyFives.id, oneFive.id, unrated.id, oneTwo.id])
    // Best match: the word in the headline counts more than in the bio.
    expect((await ids({ q: word })).at(-1)).toBe(oneFive.id)

    const secondPage = await searchFreelancers({ q: word, sort: 'rate_low', pageSize: 3, page: 2 })
    expect(secondPage.total).toBe(4)
    expect(secondPage.rows.map((row) => row.id)).toEqual([manyFives.id])
  })

  it('sorts by recent activity: a proposal, a portfolio item or a profile change moves a freelancer up', async () => {
    const word = tag()
    const [idle, portfolio, profile, proposal] = [
      await freelancer(word),
      await freelancer(word),
      await freelancer(word),
      await freelancer(word),
    ]
    getDb().run(sql`update freelancer_profiles set updated_at = 1000, active_at = null
      where user_id in (${idle.id}, ${portfolio.id}, ${profile.id}, ${proposal.id})`)
    getDb().run(
      sql`insert into portfolio_items (id, user_id, title, updated_at) values (${crypto.randomUUID()}, ${portfolio.id}, 'Logo', 3000)`,
    )
    getDb().run(sql`update freelancer_profiles set updated_at = 4000 where user_id = ${profile.id}`)
    await insertHiredContract({
      clientId: (await createTestUser('client')).id,
      freelancerId: proposal.id,
      type: 'fixed',
      title: 'Work',
      amountMinor: 10_000,
    })
    expect(await ids({ q: word, sort: 'active' })).toEqual([proposal.id, profile.id, portfolio.id, idle.id])
  })

  it('never fails on odd text: search syntax is only words, and nothing is found rather than an error', async () => {
    for (const q of ['"', '(*', 'NEAR(a b)', 'a OR', '-', '^x', '🙂', 'x'.repeat(500), "'; drop table users; --"]) {
      const result = await searchFreelancers({ q })
      expect(result.queryError).toBe(false)
      expect(Array.isArray(result.rows)).toBe(true)
    }
  })
})

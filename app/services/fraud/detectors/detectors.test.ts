import { describe, expect, it } from 'vitest'
import { DAY_MS, MINUTE_MS } from '~/domain/durations'
import { emptyFacts, type AccountFact, type CardAttemptFact, type FraudFacts } from '~/domain/fraud-facts'
import { detectAccountTakeover } from './account-takeover'
import { detectCardTesting } from './card-testing'
import { detectDisputeAbuse } from './dispute-abuse'
import { detectFakeProfiles } from './fake-profiles'
import { detectLinkedAccounts } from './linked-accounts'
import { linkAccounts } from './linked-groups'
import { detectOffPlatform } from './off-platform'
import { detectPaymentVelocity } from './payment-velocity'
import { detectProposalSpam } from './proposal-spam'
import { detectReviewManipulation } from './review-manipulation'

const T0 = Date.UTC(2026, 10, 2, 9)
const at = (minutes: number) => T0 + minutes * MINUTE_MS

function account(id: string, extra: Partial<AccountFact> = {}): AccountFact {
  return {
    id,
    email: `${id}@example.com`,
    role: 'freelancer',
    createdAt: T0 - 400 * DAY_MS,
    profileText: '',
    signUpIp: null,
    signUpDevice: null,
    ...extra,
  }
}

/** A small declined card payment by u1 at T0, from no known IP or browser, unless `extra` says otherwise. */
function cardAttempt(extra: Partial<CardAttemptFact>): CardAttemptFact {
  return { userId: 'u1', at: at(0), amountMinor: 100, card: 'visa', ok: false, ip: null, deviceId: null, ...extra }
}

function facts(parts: Partial<FraudFacts>): FraudFacts {
  return { ...emptyFacts(), ...parts }
}

describe('card testing', () => {
  it('alerts on seven cards in four minutes, six declined, in small amounts', () => {
    const attempts = Array.from({ length: 7 }, (_, i) =>
      cardAttempt({ at: at(i * 0.6), card: `visa-${i}`, ok: i === 6, ip: '198.51.100.7', deviceId: 'dev-u1' }),
    )
    const [alert] = detectCardTesting(attempts)
    expect(alert).toMatchObject({ type: 'card_testing', accounts: ['u1'] })
    expect(alert!.words[0]).toBe('7 cards tried 7 times in 4 minutes, 6 declined.')
    // An amount with its unit: a bare "5 or less" left a reader guessing 5 what.
    expect(alert!.words[1]).toBe('7 of the attempts were for small amounts (5.00 or less in the payment’s currency).')
    expect(alert!.score).toBeGreaterThanOrEqual(65)
  })

  it('leaves alone a person who mistyped one card three times and then paid with another', () => {
    const attempts = [0, 1, 2, 3].map((i) =>
      cardAttempt({ at: at(i), amountMinor: 50_000, card: i < 3 ? 'visa-a' : 'visa-b', ok: i === 3 }),
    )
    expect(detectCardTesting(attempts)).toEqual([])
  })

  it('alerts once on a run spread over fresh accounts from one browser and IP, naming every account', () => {
    const attempts = Array.from({ length: 8 }, (_, i) =>
      cardAttempt({
        userId: `fresh-${Math.floor(i / 2)}`,
        at: at(i * 0.5),
        card: `stolen-${i}`,
        ok: i === 7,
        ip: '203.0.113.66',
        deviceId: 'dev-tester',
      }),
    )
    const alerts = detectCardTesting(attempts)
    expect(alerts).toHaveLength(1)
    expect(alerts[0]).toMatchObject({
      key: `card_testing:device:dev-tester:${at(0)}`,
      accounts: ['fresh-0', 'fresh-1', 'fresh-2', 'fresh-3'],
    })
    expect(alerts[0]!.words[0]).toBe(
      '8 cards tried 8 times in 4 minutes from one browser across 4 accounts, 7 declined.',
    )
    // Split over browsers, the shared IP still tells.
    const byIp = detectCardTesting(attempts.map((a, i) => ({ ...a, deviceId: `dev-${i}` })))
    expect(byIp.map((a) => a.key)).toEqual([`card_testing:ip:203.0.113.66:${at(0)}`])
  })

  it('leaves alone an office IP where colleagues each pay once, one after a decline', () => {
    const attempts = Array.from({ length: 7 }, (_, i) =>
      cardAttempt({
        userId: `colleague-${Math.min(i, 5)}`,
        at: at(i * 3),
        amountMinor: 40_000,
        card: `corporate-${Math.min(i, 5)}`,
        ok: i !== 5,
        ip: '192.0.2.10',
        deviceId: `laptop-${Math.min(i, 5)}`,
      }),
    )
    expect(detectCardTesting(attempts)).toEqual([])
  })
})

describe('linked accounts and collusion', () => {
  const contract = { id: 'c1', clientId: 'a', freelancerId: 'b', at: at(0) }
  const release = {
    contractId: 'c1',
    clientId: 'a',
    freelancerId: 'b',
    fundedAt: at(0),
    releasedAt: at(5),
    amountMinor: 90_000,
  }

  it('alerts when accounts sharing a browser hire and pay each other', () => {
    const f = facts({
      signIns: [
        { userId: 'a', at: at(0), ip: '1.2.3.4', deviceId: 'dev1', country: 'US', risk: 'low', newDevice: false },
        { userId: 'b', at: at(30), ip: '5.6.7.8', deviceId: 'dev1', country: 'US', risk: 'low', newDevice: false },
      ],
      contracts: [contract],
      releases: [release],
    })
    const [alert] = detectLinkedAccounts(f, linkAccounts(f))
    expect(alert).toMatchObject({ type: 'linked_accounts', accounts: ['a', 'b'] })
    expect(alert!.words).toContain('1 pair of accounts share a browser.')
  })

  it('does not alert on colleagues behind one office IP who hire each other', () => {
    const signIns = [0, 1, 2, 3].flatMap((day) => [
      {
        userId: 'a',
        at: at(day * 1440),
        ip: '9.9.9.9',
        deviceId: 'da',
        country: 'US',
        risk: 'low' as const,
        newDevice: false,
      },
      {
        userId: 'b',
        at: at(day * 1440 + 3),
        ip: '9.9.9.9',
        deviceId: 'db',
        country: 'US',
        risk: 'low' as const,
        newDevice: false,
      },
    ])
    const f = facts({ signIns, contracts: [contract], releases: [release] })
    const groups = linkAccounts(f)
    expect(groups.links).toEqual([{ a: 'a', b: 'b', kinds: ['ip'], strong: false }])
    expect(detectLinkedAccounts(f, groups)).toEqual([])
  })
})

describe('review manipulation', () => {
  const accounts = new Map([
    ['star', { createdAt: T0 - 300 * DAY_MS }],
    ...['n1', 'n2', 'n3'].map((id) => [id, { createdAt: at(-3 * 1440) }] as const),
    ...['o1', 'o2', 'o3', 'o4'].map((id) => [id, { createdAt: T0 - 200 * DAY_MS }] as const),
  ])
  const none = linkAccounts(emptyFacts())

  it('alerts on a burst of five-star reviews from accounts a few days old', () => {
    const reviews = ['n1', 'n2', 'n3'].map((id, i) => ({
      contractId: `c${i}`,
      reviewerId: id,
      revieweeId: 'star',
      rating: 5,
      at: at(i * 600),
    }))
    const [alert] = detectReviewManipulation(reviews, accounts, none)
    expect(alert).toMatchObject({ type: 'review_manipulation', accounts: ['star', 'n1', 'n2', 'n3'] })
  })

  it('does not alert on a popular freelancer rated five stars by established clients in one week', () => {
    const reviews = ['o1', 'o2', 'o3', 'o4'].map((id, i) => ({
      contractId: `c${i}`,
      reviewerId: id,
      revieweeId: 'star',
      rating: 5,
      at: at(i * 600),
    }))
    expect(detectReviewManipulation(reviews, accounts, none)).toEqual([])
  })
})

describe('payment velocity', () => {
  const round = (i: number, releaseAfter: number) => ({
    contractId: `c${i}`,
    clientId: 'client',
    freelancerId: 'f',
    fundedAt: at(i * 180),
    releasedAt: at(i * 180 + releaseAfter),
    amountMinor: 100_000,
  })
  /** The freelancer pays out 950.00 to the bank `minutes` after each release. */
  const payoutsAfter = (releases: Array<{ releasedAt: number }>, minutes: number) =>
    releases.map((r, i) => ({
      id: `p${i}`,
      userId: 'f',
      at: r.releasedAt + minutes * MINUTE_MS,
      amountMinor: 95_000,
      destination: 'bank',
    }))

  it('alerts on fund → release → payout within minutes, three times', () => {
    const releases = [0, 1, 2].map((i) => round(i, 6))
    const payouts = payoutsAfter(releases, 10)
    const [alert] = detectPaymentVelocity(facts({ releases, payouts }))
    expect(alert).toMatchObject({ type: 'payment_velocity', accounts: ['f', 'client'], score: 90 })
  })

  it('does not alert on a client rehiring the same freelancer who reviews each delivery for days', () => {
    const releases = [0, 1, 2, 3, 4].map((i) => round(i * 20, 3 * 1440))
    const payouts = payoutsAfter(releases, 20)
    expect(detectPaymentVelocity(facts({ releases, payouts }))).toEqual([])
  })
})

describe('account takeover', () => {
  it('alerts on a high-risk sign-in followed by a new payout method and a payout', () => {
    const f = facts({
      signIns: [
        { userId: 'u', at: at(0), ip: '203.0.113.9', deviceId: 'new', country: 'RO', risk: 'high', newDevice: true },
      ],
      payoutMethods: [{ userId: 'u', at: at(20), destination: 'wallet-x' }],
      payouts: [{ id: 'p', userId: 'u', at: at(30), amountMinor: 50_000, destination: 'wallet-x' }],
    })
    const [alert] = detectAccountTakeover(f)
    expect(alert).toMatchObject({ type: 'account_takeover', accounts: ['u'], severity: 'critical' })
    expect(alert!.words[0]).toContain('a payout method was added')
  })

  it('does not alert on a traveller signing in from two countries on their own device and paying out', () => {
    const f = facts({
      signIns: [
        { userId: 'u', at: at(0), ip: '1.1.1.1', deviceId: 'mine', country: 'US', risk: 'low', newDevice: false },
        {
          userId: 'u',
          at: at(3 * 1440),
          ip: '2.2.2.2',
          deviceId: 'mine',
          country: 'PT',
          risk: 'medium',
          newDevice: false,
        },
      ],
      payouts: [{ id: 'p', userId: 'u', at: at(3 * 1440 + 60), amountMinor: 50_000, destination: 'bank' }],
    })
    expect(detectAccountTakeover(f)).toEqual([])
  })

  it('does not alert on a new laptop followed by a password change', () => {
    const f = facts({
      signIns: [
        { userId: 'u', at: at(0), ip: '1.1.1.1', deviceId: 'laptop', country: 'US', risk: 'medium', newDevice: true },
      ],
      securityChanges: [{ userId: 'u', at: at(10), kind: 'password' }],
    })
    expect(detectAccountTakeover(f)).toEqual([])
  })
})

describe('fake profiles and bulk sign-ups', () => {
  const bio = 'Expert WordPress developer with ten years of experience building fast secure websites for small business'

  it('alerts on five accounts from one browser in an hour with one copied profile text', () => {
    const accounts = [0, 1, 2, 3, 4].map((i) =>
      account(`f${i}`, {
        createdAt: at(i * 10),
        signUpDevice: 'farm',
        signUpIp: `198.51.100.${i}`,
        email: `f${i}@mailinator.com`,
        profileText: `${bio} ${i === 0 ? '' : 'and more'}`,
      }),
    )
    const [alert] = detectFakeProfiles(accounts, at(60))
    expect(alert).toMatchObject({ type: 'fake_profiles', accounts: ['f0', 'f1', 'f2', 'f3', 'f4'] })
    expect(alert!.words).toContain('5 accounts use a disposable email address.')
  })

  it('does not alert on six colleagues signing up from one office network with their own profiles', () => {
    const accounts = ['design logos', 'write copy', 'edit video', 'build apps', 'translate French', 'keep books'].map(
      (what, i) =>
        account(`c${i}`, {
          createdAt: at(i * 20),
          signUpIp: `192.0.2.${10 + i}`,
          signUpDevice: `d${i}`,
          email: `c${i}@acme.example`,
          profileText: `I ${what} for agencies and startups, with a portfolio of ${i + 3} recent projects.`,
        }),
    )
    expect(detectFakeProfiles(accounts, at(60))).toEqual([])
  })
})

describe('proposal spam', () => {
  const letter =
    'Hello, I have read your project and I am the right person for it. I have many years of experience and can start today. Please message me to discuss the details.'

  it('alerts on one cover letter sent to ten projects in two days', () => {
    const proposals = Array.from({ length: 10 }, (_, i) => ({
      freelancerId: 'spam',
      projectId: `p${i}`,
      coverLetter: letter,
      at: at(i * 200),
    }))
    expect(detectProposalSpam(proposals)).toMatchObject([{ type: 'proposal_spam', accounts: ['spam'] }])
  })

  it('does not alert on a good letter reused with real edits for each project', () => {
    const topics = [
      'a Shopify store',
      'a React dashboard',
      'an API in Go',
      'a data pipeline',
      'a mobile app',
      'a landing page',
      'an SEO audit',
      'a WordPress theme',
      'a Stripe integration',
      'a chatbot',
    ]
    const proposals = topics.map((topic, i) => ({
      freelancerId: 'good',
      projectId: `p${i}`,
      coverLetter: `For ${topic}, I would start by reviewing what you have. Last year I delivered ${topic} for a client in ${i + 2} weeks. ${letter.slice(0, 60)}`,
      at: at(i * 200),
    }))
    expect(detectProposalSpam(proposals)).toEqual([])
  })
})

describe('off-platform solicitation', () => {
  it('alerts when the asking repeats across three conversations', () => {
    const flags = [0, 1, 2].map((i) => ({
      userId: 'u',
      conversationId: `conv${i}`,
      at: at(i * 60),
      reasons: ['email'],
    }))
    expect(detectOffPlatform(flags)).toMatchObject([{ type: 'off_platform', score: 75 }])
  })

  it('does not alert on one slip in one conversation, even flagged twice', () => {
    const flags = [0, 1].map((i) => ({ userId: 'u', conversationId: 'conv', at: at(i), reasons: ['phone'] }))
    expect(detectOffPlatform(flags)).toEqual([])
  })
})

describe('dispute abuse', () => {
  const submissions = (disputed: boolean[]) =>
    disputed.map((d, i) => ({ clientId: 'c', freelancerId: `f${i % 3}`, at: at(i * 1440), disputed: d }))

  it('alerts on a client disputing four of six deliveries', () => {
    const [alert] = detectDisputeAbuse(submissions([true, true, false, true, false, true]), at(10 * 1440))
    expect(alert).toMatchObject({ type: 'dispute_abuse', accounts: ['c'] })
  })

  it('does not alert on a client who disputed one of two deliveries, or one of eight', () => {
    expect(detectDisputeAbuse(submissions([true, false]), at(10 * 1440))).toEqual([])
    expect(detectDisputeAbuse(submissions([true, ...Array(7).fill(false)]), at(10 * 1440))).toEqual([])
  })
})

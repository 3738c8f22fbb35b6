import type { FraudAlertType } from '~/domain/fraud-alerts'
import type { Scenario } from '~/services/fraud/scenario-format'
import { seededRandom } from '~/utils/seeded-random'

/**
 * A labelled fraud scenario from a seed: a few hundred honest users behaving as people do (with
 * look-alikes that resemble fraud: an office behind one IP, travellers, rehires, reused cover
 * letters with real edits, card typos, a new laptop, popular freelancers, families on one laptop,
 * disposable addresses, one slip off-platform, one dispute), plus planted fraud of every type.
 */
const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR

const SKILLS = [
  'React',
  'Node.js',
  'Python',
  'Go',
  'Figma',
  'SEO',
  'copywriting',
  'WordPress',
  'Shopify',
  'data analysis',
  'video editing',
  'bookkeeping',
  'Flutter',
  'Django',
  'AWS',
  'translation',
  'illustration',
  'Excel',
  'PostgreSQL',
  'Rust',
]
const CITIES = [
  'Lahore',
  'Berlin',
  'Austin',
  'Lagos',
  'Manila',
  'Lisbon',
  'Toronto',
  'Nairobi',
  'Krakow',
  'Bogotá',
  'Hanoi',
  'Leeds',
  'Pune',
  'Cairo',
  'Porto',
]
const CLIENTS = [
  'startups',
  'agencies',
  'online shops',
  'nonprofits',
  'law firms',
  'restaurants',
  'SaaS teams',
  'universities',
  'clinics',
  'game studios',
]
const OPENERS = ['I am', 'I work as', 'Hi, I am', 'Professional', 'Freelance', 'Experienced']
const ROLES = ['developer', 'designer', 'writer', 'analyst', 'editor', 'consultant', 'engineer', 'marketer']
const DETAILS = [
  'I care about clean handover notes',
  'I answer within a day',
  'I write tests for what I build',
  'I like long projects',
  'I keep weekly check-ins short',
  'I document every decision',
  'I bill only for agreed hours',
  'I love fixing legacy code',
  'I enjoy mentoring juniors',
  'I have a background in teaching',
]
const COUNTRIES = ['US', 'GB', 'DE', 'PK', 'NG', 'PH', 'PT', 'CA', 'KE', 'PL', 'CO', 'VN', 'IN', 'EG']
const PROJECT_WORDS = [
  'dashboard',
  'store',
  'landing page',
  'API',
  'mobile app',
  'logo',
  'blog series',
  'data pipeline',
  'newsletter',
  'chatbot',
  'booking system',
  'report',
]
const HONEST_DOMAINS = ['gmail.com', 'outlook.com', 'proton.me', 'yahoo.com', 'fastmail.com']
const DISPOSABLE = ['mailinator.com', 'guerrillamail.com', '10minutemail.com', 'yopmail.com']

export function generateScenario(seed: number, now = Date.UTC(2026, 10, 30)): Scenario {
  const rand = seededRandom(seed)
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1))
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!
  const chance = (p: number) => rand() < p
  const iso = (t: number) => new Date(t).toISOString()
  const ip = () => `${int(11, 190)}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}`
  let counter = 0
  const nextId = (prefix: string) => `${prefix}${++counter}`

  const s: Scenario = {
    version: 1,
    seed,
    now: new Date(now).toISOString(),
    accounts: [],
    signIns: [],
    cardAttempts: [],
    payouts: [],
    payoutMethods: [],
    contracts: [],
    releases: [],
    reviews: [],
    proposals: [],
    messageFlags: [],
    submissions: [],
    securityChanges: [],
    labels: [],
  }
  const home = new Map<string, { ip: string; device: string; country: string }>()
  /** Card attempts made from the account's usual IP and browser. */
  const fromHome = (id: string) => ({ ip: home.get(id)!.ip, deviceId: home.get(id)!.device })

  const bio = () =>
    `${pick(OPENERS)} a ${pick(ROLES)} in ${pick(CITIES)} with ${int(1, 15)} years of ${pick(SKILLS)} and ${pick(SKILLS)}. ` +
    `I mostly help ${pick(CLIENTS)} and ${pick(CLIENTS)}; ${pick(DETAILS)}, and ${pick(DETAILS).toLowerCase()}. ` +
    `Recent work: a ${pick(PROJECT_WORDS)} for ${int(2, 90)} users and a ${pick(PROJECT_WORDS)} shipped in ${int(2, 12)} weeks.`

  function addAccount(
    role: 'client' | 'freelancer',
    createdAt: number,
    options: Partial<{ email: string; text: string; ip: string; device: string; country: string }> = {},
  ) {
    const id = nextId(role === 'client' ? 'c' : 'f')
    const place = {
      ip: options.ip ?? ip(),
      device: options.device ?? `dev-${id}`,
      country: options.country ?? pick(COUNTRIES),
    }
    home.set(id, place)
    s.accounts.push({
      id,
      email: options.email ?? `${id}.${int(100, 999)}@${pick(HONEST_DOMAINS)}`,
      role,
      createdAt: iso(createdAt),
      profileText:
        options.text ?? (role === 'freelancer' ? bio() : chance(0.5) ? `${pick(CLIENTS)} team in ${pick(CITIES)}` : ''),
      signUpIp: place.ip,
      signUpDevice: place.device,
    })
    s.signIns.push({
      userId: id,
      at: iso(createdAt),
      ip: place.ip,
      deviceId: place.device,
      country: place.country,
      risk: 'low',
      newDevice: false,
    })
    return id
  }

  function signInsOf(id: string, from: number, count: number) {
    const place = home.get(id)!
    for (let i = 0; i < count; i++) {
      const at = from + rand() * (now - from)
      s.signIns.push({
        userId: id,
        at: iso(at),
        ip: place.ip,
        deviceId: place.device,
        country: place.country,
        risk: chance(0.05) ? 'medium' : 'low',
        newDevice: false,
      })
    }
  }

  /** A contract with one or more milestones funded by card, released after `releaseAfter`, and paid out. */
  function contract(
    clientId: string,
    freelancerId: string,
    start: number,
    options: {
      milestones?: number
      releaseAfter?: () => number
      payoutAfter?: () => number
      amount?: () => number
      review?: number | null
      clientReview?: boolean
      disputeChance?: number
    } = {},
  ) {
    const contractId = nextId('k')
    s.contracts.push({ id: contractId, clientId, freelancerId, at: iso(start) })
    let t = start
    const card = `card-${clientId}`
    for (let m = 0; m < (options.milestones ?? int(1, 3)); m++) {
      const amount = options.amount?.() ?? int(50, 2000) * 100
      const fundedAt = t + int(1, 48) * HOUR
      if (fundedAt >= now - DAY) break // what has not happened by `now` is left out
      if (chance(0.08))
        s.cardAttempts.push({
          userId: clientId,
          at: iso(fundedAt - 2 * MIN),
          amountMinor: amount,
          card,
          ok: false,
          ...fromHome(clientId),
        })
      s.cardAttempts.push({
        userId: clientId,
        at: iso(fundedAt),
        amountMinor: amount,
        card,
        ok: true,
        ...fromHome(clientId),
      })
      const submittedAt = fundedAt + int(1, 10) * DAY
      const disputed = chance(options.disputeChance ?? 0.02)
      s.submissions.push({ clientId, freelancerId, at: iso(submittedAt), disputed })
      if (!disputed && submittedAt < now) {
        const releasedAt = options.releaseAfter ? fundedAt + options.releaseAfter() : submittedAt + int(2, 72) * HOUR
        s.releases.push({
          contractId,
          clientId,
          freelancerId,
          fundedAt: iso(fundedAt),
          releasedAt: iso(releasedAt),
          amountMinor: amount,
        })
        if (chance(0.6) || options.payoutAfter) {
          const paidAt = releasedAt + (options.payoutAfter?.() ?? int(1, 96) * HOUR)
          s.payouts.push({
            id: nextId('p'),
            userId: freelancerId,
            at: iso(paidAt),
            amountMinor: Math.round(amount * 0.9),
            destination: `bank-${freelancerId}`,
          })
        }
      }
      // A launderer starts the next round as soon as the money is out; others after the delivery.
      t = options.releaseAfter ? fundedAt + options.releaseAfter() + int(1, 12) * HOUR : submittedAt
    }
    if (options.review !== null) {
      const rating = options.review ?? (chance(0.7) ? 5 : chance(0.7) ? 4 : int(2, 3))
      s.reviews.push({
        contractId,
        reviewerId: clientId,
        revieweeId: freelancerId,
        rating,
        at: iso(t + int(1, 5) * DAY),
      })
      if (options.clientReview ?? chance(0.8))
        s.reviews.push({
          contractId,
          reviewerId: freelancerId,
          revieweeId: clientId,
          rating: chance(0.8) ? 5 : 4,
          at: iso(t + int(1, 5) * DAY),
        })
    }
    return contractId
  }

  function letter(topic: string) {
    return `Hello! For your ${topic} I would begin with ${pick(DETAILS).toLowerCase()}. I have built a ${pick(PROJECT_WORDS)} with ${pick(SKILLS)} for ${pick(CLIENTS)} and can share the ${pick(['repository', 'case study', 'demo', 'before-and-after'])}. ${pick(DETAILS)}. I could deliver a first version in ${int(3, 20)} days.`
  }

  // Honest population.
  const freelancers: string[] = []
  const clients: string[] = []
  for (let i = 0; i < 260; i++) freelancers.push(addAccount('freelancer', now - int(35, 700) * DAY))
  for (let i = 0; i < 160; i++) clients.push(addAccount('client', now - int(35, 700) * DAY))
  const newcomers: string[] = []
  for (let i = 0; i < 40; i++) newcomers.push(addAccount(chance(0.5) ? 'client' : 'freelancer', now - int(1, 29) * DAY))
  for (const id of [...freelancers, ...clients, ...newcomers]) signInsOf(id, now - 60 * DAY, int(3, 15))
  for (let i = 0; i < 320; i++) contract(pick(clients), pick(freelancers), now - int(10, 85) * DAY)
  for (const f of freelancers) {
    const count = int(0, 6)
    for (let i = 0; i < count; i++)
      s.proposals.push({
        freelancerId: f,
        projectId: nextId('proj'),
        coverLetter: letter(pick(PROJECT_WORDS)),
        at: iso(now - int(1, 60) * DAY),
      })
    s.payoutMethods.push({ userId: f, at: iso(now - int(60, 500) * DAY), destination: `bank-${f}` })
  }
  for (let i = 0; i < 30; i++)
    s.securityChanges.push({ userId: pick(freelancers), at: iso(now - int(1, 60) * DAY), kind: 'password' })

  // Honest look-alikes.
  const officeIp = '198.51.100.7'
  const office: string[] = []
  for (let i = 0; i < 12; i++)
    office.push(
      addAccount(chance(0.5) ? 'client' : 'freelancer', now - (i < 6 ? 20 * DAY + i * 30 * MIN : int(100, 400) * DAY), {
        ip: i < 6 ? `198.51.100.${10 + i}` : officeIp,
      }),
    )
  for (let day = 1; day <= 20; day++)
    for (const id of office)
      if (chance(0.8))
        s.signIns.push({
          userId: id,
          at: iso(now - day * DAY + int(0, 15) * MIN),
          ip: officeIp,
          deviceId: home.get(id)!.device,
          country: 'GB',
          risk: 'low',
          newDevice: false,
        })
  contract(
    office.find((id) => id.startsWith('c')) ?? clients[0]!,
    office.find((id) => id.startsWith('f')) ?? freelancers[0]!,
    now - 15 * DAY,
  )
  for (let i = 0; i < 6; i++) {
    const id = pick(freelancers)
    const place = home.get(id)!
    const trip = now - int(5, 40) * DAY
    s.signIns.push({
      userId: id,
      at: iso(trip),
      ip: ip(),
      deviceId: place.device,
      country: pick(COUNTRIES),
      risk: 'medium',
      newDevice: false,
    })
    s.payouts.push({
      id: nextId('p'),
      userId: id,
      at: iso(trip + 2 * HOUR),
      amountMinor: int(100, 900) * 100,
      destination: `bank-${id}`,
    })
  }
  for (let i = 0; i < 6; i++) {
    const client = pick(clients)
    const freelancer = pick(freelancers)
    for (let r = 0; r < int(5, 9); r++)
      contract(client, freelancer, now - int(5, 85) * DAY, { milestones: 1, payoutAfter: () => int(5, 50) * MIN })
  }
  for (let i = 0; i < 6; i++) {
    const f = pick(freelancers)
    const base = now - int(3, 40) * DAY
    for (let p = 0; p < 12; p++)
      s.proposals.push({
        freelancerId: f,
        projectId: nextId('proj'),
        coverLetter: letter(PROJECT_WORDS[p % PROJECT_WORDS.length]!),
        at: iso(base + p * 5 * HOUR),
      })
  }
  for (let i = 0; i < 12; i++) {
    const c = pick(clients)
    const t = now - int(2, 50) * DAY
    const tries = int(2, 4)
    for (let a = 0; a < tries; a++)
      s.cardAttempts.push({
        ...fromHome(c),
        userId: c,
        at: iso(t + a * MIN),
        amountMinor: int(50, 900) * 100,
        card: a < tries - 1 ? `typo-${c}` : `card-${c}`,
        ok: a === tries - 1,
      })
  }
  for (let i = 0; i < 6; i++) {
    const id = pick(freelancers)
    const t = now - int(2, 50) * DAY
    s.signIns.push({
      userId: id,
      at: iso(t),
      ip: home.get(id)!.ip,
      deviceId: `laptop-${id}`,
      country: home.get(id)!.country,
      risk: 'medium',
      newDevice: true,
    })
    s.securityChanges.push({ userId: id, at: iso(t + 20 * MIN), kind: chance(0.5) ? 'password' : 'second_factor' })
  }
  for (let i = 0; i < 5; i++) {
    const star = pick(freelancers)
    const base = now - int(10, 50) * DAY
    for (let r = 0; r < int(4, 6); r++) contract(pick(clients), star, base - 20 * DAY, { milestones: 1, review: 5 })
  }
  for (let i = 0; i < 5; i++) {
    const device = `family-laptop-${i}`
    const created = now - int(1, 25) * DAY
    for (let m = 0; m < int(2, 3); m++)
      addAccount(chance(0.5) ? 'client' : 'freelancer', created + m * HOUR, { device })
  }
  for (let i = 0; i < 10; i++)
    addAccount('freelancer', now - int(1, 25) * DAY, { email: `honest${i}.${int(10, 99)}@${pick(DISPOSABLE)}` })
  for (let i = 0; i < 12; i++)
    s.messageFlags.push({
      userId: pick(freelancers),
      conversationId: nextId('conv'),
      at: iso(now - int(1, 40) * DAY),
      reasons: [pick(['phone', 'email', 'paypal'])],
    })

  // Planted fraud, eight cases of each type.
  const label = (types: FraudAlertType[], accounts: string[], note: string) =>
    s.labels.push({ id: `case-${s.labels.length + 1}`, types, accounts, note })
  for (let i = 0; i < 8; i++) {
    const c = addAccount('client', now - int(1, 200) * DAY)
    const t = now - int(1, 40) * DAY
    const tries = int(6, 15)
    for (let a = 0; a < tries; a++)
      s.cardAttempts.push({
        ...fromHome(c),
        userId: c,
        at: iso(t + a * int(20, 120) * 1000),
        amountMinor: int(1, 5) * 100,
        card: `stolen-${c}-${int(0, tries)}`,
        ok: chance(0.12),
      })
    label(['card_testing'], [c], `${tries} small attempts over many cards`)
  }
  for (let i = 0; i < 8; i++) {
    const created = now - int(30, 200) * DAY
    const shared = { device: `shared-${i}` }
    const c = addAccount('client', created, chance(0.5) ? shared : {})
    const f = addAccount('freelancer', created + DAY, shared)
    if (!s.accounts.find((a) => a.id === c)!.signUpDevice!.startsWith('shared'))
      s.payoutMethods.push(
        { userId: c, at: iso(created), destination: `wallet-mule-${i}` },
        { userId: f, at: iso(created + DAY), destination: `wallet-mule-${i}` },
      )
    signInsOf(c, now - 30 * DAY, 4)
    signInsOf(f, now - 30 * DAY, 4)
    contract(c, f, now - int(10, 25) * DAY, { milestones: int(2, 4), review: null })
    label(['linked_accounts'], [c, f], 'one person on both sides of a contract')
  }
  for (let i = 0; i < 8; i++) {
    const star = addAccount('freelancer', now - int(60, 300) * DAY)
    const linked = chance(0.5)
    const base = now - int(8, 30) * DAY
    const ring: string[] = []
    for (let r = 0; r < int(3, 5); r++) {
      // A patient operator: one sock a day or so, never a burst of sign-ups from the one browser.
      const sock = addAccount('client', base - (r + 1) * 30 * HOUR, linked ? { device: home.get(star)!.device } : {})
      ring.push(sock)
      const contractId = nextId('k')
      s.contracts.push({ id: contractId, clientId: sock, freelancerId: star, at: iso(base) })
      s.reviews.push({
        contractId,
        reviewerId: sock,
        revieweeId: star,
        rating: 5,
        at: iso(base + r * int(4, 30) * HOUR),
      })
    }
    label(
      linked ? ['review_manipulation', 'linked_accounts'] : ['review_manipulation'],
      [star, ...ring],
      'five stars from fresh sock accounts',
    )
  }
  for (let i = 0; i < 8; i++) {
    const c = addAccount('client', now - int(20, 200) * DAY)
    const f = addAccount('freelancer', now - int(20, 200) * DAY)
    contract(c, f, now - int(5, 30) * DAY, {
      milestones: int(3, 5),
      releaseAfter: () => int(3, 25) * MIN,
      payoutAfter: () => int(3, 40) * MIN,
      review: null,
    })
    label(['payment_velocity'], [f, c], 'fund → release → payout within minutes, repeated')
  }
  for (let i = 0; i < 8; i++) {
    const victim = pick(freelancers)
    const t = now - int(1, 30) * DAY
    s.signIns.push({
      userId: victim,
      at: iso(t),
      ip: ip(),
      deviceId: `thief-${i}`,
      country: pick(COUNTRIES),
      risk: chance(0.6) ? 'high' : 'medium',
      newDevice: true,
    })
    s.payoutMethods.push({ userId: victim, at: iso(t + int(5, 60) * MIN), destination: `wallet-thief-${i}` })
    if (chance(0.5)) s.securityChanges.push({ userId: victim, at: iso(t + int(2, 30) * MIN), kind: 'password' })
    s.payouts.push({
      id: nextId('p'),
      userId: victim,
      at: iso(t + int(1, 5) * HOUR),
      amountMinor: int(200, 3000) * 100,
      destination: `wallet-thief-${i}`,
    })
    label(['account_takeover'], [victim], 'new device, new payout method, money out')
  }
  for (let i = 0; i < 8; i++) {
    const t = now - int(1, 25) * DAY
    const template = bio()
    const byDevice = chance(0.5)
    const subnet = `203.0.${100 + i}`
    const farm: string[] = []
    for (let m = 0; m < int(5, 9); m++)
      farm.push(
        addAccount('freelancer', t + m * int(3, 40) * MIN, {
          device: byDevice ? `farm-${i}` : undefined,
          ip: byDevice ? undefined : `${subnet}.${int(2, 250)}`,
          email: chance(0.5) ? `user${i}x${m}@${pick(DISPOSABLE)}` : undefined,
          text: template.replace(/^(\S+)/, pick(OPENERS)),
        }),
      )
    label(
      ['fake_profiles'],
      farm,
      byDevice ? 'sign-ups from one browser, copied bio' : 'sign-ups from one /24, copied bio',
    )
  }
  for (let i = 0; i < 8; i++) {
    const f = addAccount('freelancer', now - int(20, 300) * DAY)
    const spam = letter('project')
    const t = now - int(2, 30) * DAY
    for (let p = 0; p < int(10, 25); p++)
      s.proposals.push({
        freelancerId: f,
        projectId: nextId('proj'),
        coverLetter: spam.replace('Hello!', pick(['Hello!', 'Hi!', 'Dear client,'])),
        at: iso(t + p * int(10, 240) * MIN),
      })
    label(['proposal_spam'], [f], 'one letter to many projects')
  }
  for (let i = 0; i < 8; i++) {
    const f = addAccount('freelancer', now - int(20, 300) * DAY)
    const t = now - int(2, 25) * DAY
    for (let m = 0; m < int(2, 5); m++)
      s.messageFlags.push({
        userId: f,
        conversationId: nextId('conv'),
        at: iso(t + m * int(2, 48) * HOUR),
        reasons: [pick(['phone', 'email', 'paypal', 'western_union'])],
      })
    label(['off_platform'], [f], 'asks to move off MegiLance in several conversations')
  }
  for (let i = 0; i < 8; i++) {
    const c = addAccount('client', now - int(60, 300) * DAY)
    const t = now - int(30, 80) * DAY
    const n = int(5, 8)
    for (let m = 0; m < n; m++)
      s.submissions.push({
        clientId: c,
        freelancerId: pick(freelancers),
        at: iso(t + m * int(1, 6) * DAY),
        disputed: m === 0 || chance(0.75),
      })
    label(['dispute_abuse'], [c], 'disputes most deliveries')
  }
  // Added after the rest (so the earlier draws, and the cases above, stay as they were):
  // colleagues behind the office IP each paying by card once, one after a decline (look-alike)…
  for (let i = 0; i < 6; i++) {
    const colleague = addAccount('client', now - int(100, 400) * DAY, { ip: officeIp })
    const t = now - 3 * DAY + i * int(5, 20) * MIN
    const attempt = (at: number, ok: boolean) =>
      s.cardAttempts.push({
        userId: colleague,
        at: iso(at),
        amountMinor: int(20, 300) * 100,
        card: `card-${colleague}`,
        ok,
        ip: officeIp,
        deviceId: home.get(colleague)!.device,
      })
    if (i === 2) attempt(t - MIN, false)
    attempt(t, true)
  }
  // …and card testing spread over fresh accounts, two or three tries each, from one browser and IP
  // (or one IP with the browser's cookie cleared each time).
  for (let i = 0; i < 4; i++) {
    const testerIp = ip()
    const testerDevice = `tester-${i}`
    const accounts = [0, 1, 2, 3].map(() => addAccount('client', now - int(20, 200) * DAY))
    const t = now - int(1, 40) * DAY
    let n = 0
    for (const c of accounts)
      for (let a = 0; a < int(2, 3); a++)
        s.cardAttempts.push({
          userId: c,
          at: iso(t + n++ * int(20, 90) * 1000),
          amountMinor: int(1, 5) * 100,
          card: `stolen-${c}-${a}`,
          ok: chance(0.1),
          ip: testerIp,
          deviceId: i % 2 ? null : testerDevice,
        })
    label(['card_testing'], accounts, 'small attempts over many cards, spread over fresh accounts on one browser or IP')
  }
  return withoutFuture(s, now)
}

/** Drops what would happen after `now` (a contract still running): the sweep cannot have seen it. */
function withoutFuture(s: Scenario, now: number): Scenario {
  const past = (at: string) => Date.parse(at) <= now
  return {
    ...s,
    signIns: s.signIns.filter((x) => past(x.at)),
    cardAttempts: s.cardAttempts.filter((x) => past(x.at)),
    payouts: s.payouts.filter((x) => past(x.at)),
    payoutMethods: s.payoutMethods.filter((x) => past(x.at)),
    contracts: s.contracts.filter((x) => past(x.at)),
    releases: s.releases.filter((x) => past(x.releasedAt)),
    reviews: s.reviews.filter((x) => past(x.at)),
    proposals: s.proposals.filter((x) => past(x.at)),
    messageFlags: s.messageFlags.filter((x) => past(x.at)),
    submissions: s.submissions.filter((x) => past(x.at)),
    securityChanges: s.securityChanges.filter((x) => past(x.at)),
  }
}

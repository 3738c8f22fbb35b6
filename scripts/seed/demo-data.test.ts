import { afterEach, describe, expect, it } from 'vitest'
import { countDemoAccounts } from '~/models/demo-accounts.server'
import { countProjectsByStatus } from '~/models/projects.server'
import { findFreelancerProfile } from '~/models/profiles.server'
import { countUsersByRole, findUserByEmail } from '~/models/users.server'
import { verifyCredentials } from '~/services/accounts/accounts.server'
import { resetEnvForTests } from '~/utils/env.server'
import { DEMO_PASSWORD, seedDemoData } from './demo-data'

describe('demo seed', () => {
  const nodeEnv = process.env.NODE_ENV
  afterEach(() => {
    process.env.NODE_ENV = nodeEnv
    delete process.env.DEMO
    resetEnvForTests()
  })

  it('adds nothing to a production database unless DEMO is set', async () => {
    process.env.NODE_ENV = 'production'
    resetEnvForTests()
    expect(await seedDemoData({ ifEmpty: true })).toMatch(
      /^Not seeding demo data: NODE_ENV is production and DEMO is not set/,
    )
    await expect(seedDemoData()).rejects.toThrow(/DEMO=true/)
    expect(await countUsersByRole()).toEqual({ admin: 0, client: 0, freelancer: 0 })
  })

  it('fills an empty database with the demo marketplace, once', async () => {
    expect(await seedDemoData({ ifEmpty: true })).toMatch(/^Seeded/)
    const users = await countUsersByRole()
    expect(users).toEqual({ admin: 1, client: 50, freelancer: 200 })
    // Each is recorded as a demo account, which a production start refuses.
    expect(await countDemoAccounts()).toBe(251)
    const projects = await countProjectsByStatus()
    expect(projects.open + projects.closed).toBe(300)

    const freelancer = await findUserByEmail('freelancer@megilance.test')
    const profile = await findFreelancerProfile(freelancer!.id)
    expect(profile?.skills.length).toBeGreaterThanOrEqual(3)
    expect(profile?.hourlyRateMinor).toBeGreaterThan(0)
    // The first profile every visitor opens agrees with itself: years, clients and rate fit its level.
    const [, years, clients] = /with (\d+) years? of .* for (\d+) clients?/.exec(profile?.bio ?? '') ?? []
    const band = {
      entry: { years: [1, 2], clients: [1, 8], rate: [15, 45] },
      intermediate: { years: [3, 6], clients: [5, 30], rate: [35, 90] },
      expert: { years: [7, 15], clients: [20, 60], rate: [70, 150] },
    }[profile!.experienceLevel!]
    const inBand = (value: number, [min, max]: number[]) => value >= min! && value <= max!
    expect(inBand(Number(years), band.years), `years ${years}`).toBe(true)
    expect(inBand(Number(clients), band.clients), `clients ${clients}`).toBe(true)
    expect(inBand(profile!.hourlyRateMinor! / 100, band.rate), `rate ${profile!.hourlyRateMinor}`).toBe(true)

    for (const email of ['admin@megilance.test', 'client@megilance.test', 'freelancer@megilance.test']) {
      await expect(verifyCredentials(email, DEMO_PASSWORD)).resolves.toMatchObject({ email })
    }

    expect(await seedDemoData({ ifEmpty: true })).toMatch(/already has 251 users/)
    expect(await countUsersByRole()).toEqual(users)
  })
})

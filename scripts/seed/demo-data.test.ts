import { describe, expect, it } from 'vitest'
import { countProjectsByStatus } from '~/models/projects.server'
import { findFreelancerProfile } from '~/models/profiles.server'
import { countUsersByRole, findUserByEmail } from '~/models/users.server'
import { verifyCredentials } from '~/services/accounts/accounts.server'
import { DEMO_PASSWORD, seedDemoData } from './demo-data'

describe('demo seed', () => {
  it('fills an empty database with the demo marketplace, once', async () => {
    expect(await seedDemoData({ ifEmpty: true })).toMatch(/^Seeded/)
    const users = await countUsersByRole()
    expect(users).toEqual({ admin: 1, client: 50, freelancer: 200 })
    const projects = await countProjectsByStatus()
    expect(projects.open + projects.closed).toBe(300)

    const freelancer = await findUserByEmail('freelancer@megilance.test')
    const profile = await findFreelancerProfile(freelancer!.id)
    expect(profile?.skills.length).toBeGreaterThanOrEqual(3)
    expect(profile?.hourlyRateMinor).toBeGreaterThan(0)

    for (const email of ['admin@megilance.test', 'client@megilance.test', 'freelancer@megilance.test']) {
      await expect(verifyCredentials(email, DEMO_PASSWORD)).resolves.toMatchObject({ email })
    }

    expect(await seedDemoData({ ifEmpty: true })).toMatch(/already has 251 users/)
    expect(await countUsersByRole()).toEqual(users)
  })
})

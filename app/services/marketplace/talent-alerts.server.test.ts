import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '~/models/db.server'
import { listNotifications } from '~/models/notifications.server'
import { ensureSkills, replaceFreelancerSkills, updateFreelancerProfile } from '~/models/profiles.server'
import { createTestUser } from '~/test/users'
import { runSavedSearchAlerts, saveSearch } from './saved-searches.server'

function tag() {
  return `zq${crypto.randomUUID().replaceAll('-', '').slice(0, 10)}`
}

async function freelancer(word: string, { skills = ['Figma'], rate = 4000 as number | null } = {}) {
  const user = await createTestUser('freelancer', { name: `Dana ${word}` })
  await updateFreelancerProfile(user.id, { headline: `Brand designer ${word}`, hourlyRateMinor: rate })
  await replaceFreelancerSkills(user.id, [...(await ensureSkills(skills)).values()])
  return user
}

function listedAt(userId: string): Date | null {
  const at = getDb().get<{ at: number | null }>(
    sql`select listed_at as at from freelancer_profiles where user_id = ${userId}`,
  )!.at
  return at === null ? null : new Date(at)
}

/** As if they had joined (and, when listed, been listed) at `at`: the triggers stamp the clock's time. */
function since(userId: string, at: Date) {
  getDb().run(sql`update users set created_at = ${at.getTime()} where id = ${userId}`)
  getDb().run(
    sql`update freelancer_profiles set listed_at = ${at.getTime()} where user_id = ${userId} and listed_at is not null`,
  )
}

describe('saved talent search alerts', () => {
  it('announce freelancers listed since the last check, also those who joined earlier and completed their profile late', async () => {
    const word = tag()
    const earlier = new Date(Date.now() - 120_000)
    const listed = await freelancer(word)
    const leaving = await freelancer(word)
    const late = await freelancer(word, { skills: [] })
    expect(listedAt(late.id)).toBeNull()
    for (const user of [listed, leaving, late]) since(user.id, earlier)

    const client = await createTestUser('client')
    const saved = await saveSearch(
      client.id,
      { name: 'Designers', query: `q=${word}`, notify: true },
      new Date(Date.now() - 60_000),
      'freelancers',
    )
    if (!saved.ok) throw new Error(saved.message)

    // After the search was saved: `late` (who joined before it) adds a skill and so becomes listed;
    // `leaving` drops their last skill; `listed` edits a profile that was already listed.
    await replaceFreelancerSkills(late.id, [...(await ensureSkills(['Figma'])).values()])
    expect(listedAt(late.id)!.getTime()).toBeGreaterThan(saved.search.checkedAt.getTime())
    await replaceFreelancerSkills(leaving.id, [])
    expect(listedAt(leaving.id)).toBeNull()
    await updateFreelancerProfile(listed.id, { headline: `Senior brand designer ${word}` })
    expect(listedAt(listed.id)).toEqual(earlier)

    await runSavedSearchAlerts(new Date())
    const mine = await listNotifications(client.id, { limit: 10, offset: 0 })
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({
      kind: 'saved_search_match',
      title: '1 new freelancer matches “Designers”',
      link: `/freelancers?q=${word}`,
    })

    // Told once; clearing the rate unlists, and completing it again is news again.
    await runSavedSearchAlerts(new Date())
    expect(await listNotifications(client.id, { limit: 10, offset: 0 })).toHaveLength(1)
    await updateFreelancerProfile(late.id, { hourlyRateMinor: null })
    expect(listedAt(late.id)).toBeNull()
    // The clock past the last check's millisecond, so the new listing falls after it.
    await new Promise((resolve) => setTimeout(resolve, 5))
    await updateFreelancerProfile(late.id, { hourlyRateMinor: 4500 })
    await runSavedSearchAlerts(new Date())
    expect(await listNotifications(client.id, { limit: 10, offset: 0 })).toHaveLength(2)
  })
})

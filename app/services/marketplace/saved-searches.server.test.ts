import { describe, expect, it } from 'vitest'
import { findSavedSearchOf } from '~/models/saved-searches.server'
import { createTestUser } from '~/test/users'
import { deleteSavedSearch, saveSearch, setSavedSearchAlerts } from './saved-searches.server'

async function savedSearch() {
  const owner = await createTestUser('freelancer')
  const outcome = await saveSearch(owner.id, { name: 'React work', query: 'q=react', notify: false })
  if (!outcome.ok) throw new Error(outcome.message)
  return { owner, search: outcome.search }
}

describe('changing a saved search', () => {
  it('turns alerts on from now, and off, for its owner', async () => {
    const { owner, search } = await savedSearch()
    const now = new Date(search.checkedAt.getTime() + 60_000)
    expect(await setSavedSearchAlerts(owner.id, search.id, true, now)).toEqual({ ok: true })
    expect(await findSavedSearchOf(owner.id, search.id)).toMatchObject({ notify: true, checkedAt: now })
    expect(await setSavedSearchAlerts(owner.id, search.id, false)).toEqual({ ok: true })
    expect(await findSavedSearchOf(owner.id, search.id)).toMatchObject({ notify: false, checkedAt: now })
  })

  it("treats another user's search as not found and leaves it alone", async () => {
    const { owner, search } = await savedSearch()
    const stranger = await createTestUser('freelancer')
    expect(await setSavedSearchAlerts(stranger.id, search.id, true)).toEqual({ ok: false, reason: 'not-found' })
    expect(await deleteSavedSearch(stranger.id, search.id)).toEqual({ ok: false, reason: 'not-found' })
    expect(await findSavedSearchOf(owner.id, search.id)).toMatchObject({ notify: false })
    expect(await deleteSavedSearch(owner.id, search.id)).toEqual({ ok: true })
    expect(await findSavedSearchOf(owner.id, search.id)).toBeUndefined()
    expect(await deleteSavedSearch(owner.id, search.id)).toEqual({ ok: false, reason: 'not-found' })
  })
})

import { describe, expect, it } from 'vitest'
import { MINUTE_MS } from '~/domain/durations'
import { readSession } from '~/services/accounts/sessions.server'
import { getRequest } from '~/test/requests'
import { createTestUser, signedInCookie } from '~/test/users'
import { keepFormDuringStepUp, takeFormKeptDuringStepUp } from './step-up-drafts.server'

const form = (reason: string) => {
  const data = new FormData()
  data.set('intent', 'block')
  data.set('reason', reason)
  return data
}

async function adminSessions() {
  const admin = await createTestUser('admin')
  const read = async () => (await readSession(getRequest('/', await signedInCookie(admin.id))))!
  return [await read(), await read()] as const
}

describe('a form kept while its sender confirms a second factor', () => {
  it('is given back once, to the same session and page only; a later one replaces it', async () => {
    const [session, otherSession] = await adminSessions()
    await keepFormDuringStepUp(session, '/admin/users/u1', form('First reason, typed.'))
    await keepFormDuringStepUp(session, '/admin/users/u1', form('Second reason, typed.'))
    expect(await takeFormKeptDuringStepUp(otherSession, '/admin/users/u1')).toBeNull()
    expect(await takeFormKeptDuringStepUp(session, '/admin/users/u2')).toBeNull()
    expect(await takeFormKeptDuringStepUp(session, '/admin/users/u1')).toEqual({
      intent: 'block',
      reason: 'Second reason, typed.',
    })
    expect(await takeFormKeptDuringStepUp(session, '/admin/users/u1')).toBeNull()
  })

  it('is gone after 15 minutes', async () => {
    const [session] = await adminSessions()
    const keptAt = new Date()
    await keepFormDuringStepUp(session, '/admin/users/u1', form('A reason typed long ago.'), keptAt)
    const later = new Date(keptAt.getTime() + 15 * MINUTE_MS + 1)
    expect(await takeFormKeptDuringStepUp(session, '/admin/users/u1', later)).toBeNull()
  })
})

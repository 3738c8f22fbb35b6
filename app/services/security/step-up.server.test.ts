import { describe, expect, it } from 'vitest'
import { readSession } from '~/services/accounts/sessions.server'
import { getRequest } from '~/test/requests'
import { createTestUser, signedInCookie } from '~/test/users'
import { hasRecentSecondFactor } from './step-up'
import { recordStepUp } from './step-up.server'

describe('recording a step-up', () => {
  it('opens the 10-minute window on that session only', async () => {
    const user = await createTestUser('freelancer')
    const cookie = await signedInCookie(user.id)
    const other = await signedInCookie(user.id)
    const session = await readSession(getRequest('/', cookie))
    expect(session?.secondFactorAt).toBeNull()
    const now = new Date()
    expect(await recordStepUp(session!, now)).toEqual({ until: new Date(now.getTime() + 10 * 60_000) })
    const after = await readSession(getRequest('/', cookie))
    expect(hasRecentSecondFactor(after!.secondFactorAt, now)).toBe(true)
    expect((await readSession(getRequest('/', other)))?.secondFactorAt).toBeNull()
  })
})

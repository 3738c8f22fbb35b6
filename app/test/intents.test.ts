import { describe, expect, it } from 'vitest'
import { action as notificationsAction } from '~/routes/_portal.notifications._index'
import { action as sessionsAction } from '~/routes/_portal.settings.sessions'
import { action as emailCodesAction } from '~/routes/_portal.settings.security.email-codes'
import { action as invitationsAction } from '~/routes/_portal.freelancer.invitations'
import { action as savedSearchesAction } from '~/routes/_portal.saved-searches'
import { action as authenticatorAction } from '~/routes/_portal.settings.security.authenticator'
import { action as backupCodesAction } from '~/routes/_portal.settings.security.backup-codes'
import { formRequest, run } from './requests'
import { createTestUser, signedInCookie } from './users'

describe('intents', () => {
  it('answer an unknown or missing intent with 400 and a message, never a 500', async () => {
    const user = await createTestUser('freelancer')
    const cookie = await signedInCookie(user.id)
    for (const [action, path] of [
      [notificationsAction, '/notifications'],
      [sessionsAction, '/settings/sessions'],
      [emailCodesAction, '/settings/security/email-codes'],
      [invitationsAction, '/freelancer/invitations'],
      [savedSearchesAction, '/saved-searches'],
      [authenticatorAction, '/settings/security/authenticator'],
      [backupCodesAction, '/settings/security/backup-codes'],
    ] as const) {
      for (const fields of [{ intent: 'explode' }, {}] as Record<string, string>[]) {
        const response = await run(action, formRequest(path, fields, cookie))
        expect(response.status).toBe(400)
        expect(await response.text()).toBe('Unknown action')
      }
    }
  })

  it('still run a known intent with what it carries', async () => {
    const user = await createTestUser('freelancer')
    const cookie = await signedInCookie(user.id)
    const done = await run(notificationsAction, formRequest('/notifications', { intent: 'mark-all-read' }, cookie))
    expect(done.status).toBe(302)
    const gone = await run(
      notificationsAction,
      formRequest('/notifications', { intent: 'mark-read', notificationId: 'nobody' }, cookie),
    )
    expect(gone.status).toBe(404)
  })
})

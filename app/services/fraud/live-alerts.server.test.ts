import { describe, expect, it } from 'vitest'
import { loader as eventsLoader } from '~/routes/_portal.admin.fraud.events'
import { adminFraudAlertListenerCount } from '~/services/messaging/live.server'
import { readEventStream } from '~/test/event-stream'
import { getRequest, run } from '~/test/requests'
import { createTestUser, signedInCookie } from '~/test/users'
import type { AlertDraft } from './alert-draft'
import { raiseAlerts } from './alerts.server'

const draft = (userId: string, score: number, words: string[]): AlertDraft => ({
  type: 'proposal_spam',
  key: `live-test:${userId}`,
  score,
  severity: 'medium',
  accounts: [userId],
  words,
  data: {},
})

async function openDesk(cookie: string) {
  const abort = new AbortController()
  const request = new Request(getRequest('/admin/fraud/events', cookie), { signal: abort.signal })
  const response = await run(eventsLoader, request)
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/)
  const { readUntil } = readEventStream(response)
  await readUntil(': connected')
  return { readUntil, close: () => abort.abort() }
}

describe('fraud alerts reach the admins on the desk live', () => {
  it('sends an event when an alert is raised and when new evidence updates it, not when nothing changed', async () => {
    const admin = await createTestUser('admin')
    const suspect = await createTestUser('freelancer')
    const desk = await openDesk(await signedInCookie(admin.id, { secondFactorAt: new Date() }))
    const listening = adminFraudAlertListenerCount()
    expect(listening).toBeGreaterThan(0)

    await raiseAlerts([draft(suspect.id, 50, ['One letter to 8 projects.'])])
    await raiseAlerts([draft(suspect.id, 50, ['One letter to 8 projects.'])])
    await raiseAlerts([draft(suspect.id, 60, ['One letter to 9 projects.'])])
    const text = await desk.readUntil('"change":"updated"')
    const events = text.split('\n\n').filter((block) => block.startsWith('event: fraud-alert'))
    expect(events).toHaveLength(2)
    expect(events[0]).toContain('"change":"raised"')
    // Only that something changed: the evidence stays on the desk's pages, behind their own checks.
    expect(text).not.toContain('letter')

    desk.close()
    expect(adminFraudAlertListenerCount()).toBe(listening - 1)
  })

  it('is for admins only', async () => {
    const client = await createTestUser('client')
    const response = await run(eventsLoader, getRequest('/admin/fraud/events', await signedInCookie(client.id)))
    expect(response.status).toBe(403)
    const anonymous = await run(eventsLoader, getRequest('/admin/fraud/events'))
    expect(anonymous.status).toBe(302)
  })
})

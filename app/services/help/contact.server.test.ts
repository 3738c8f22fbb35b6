import type { LoaderFunctionArgs } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { findContactRequest, listContactRequests } from '~/models/contact-requests.server'
import { listOutbox } from '~/models/outbox.server'
import { loader as rootLoader } from '~/root'
import { action as answerAction, loader as requestLoader } from '~/routes/_portal.admin.contact-requests.$requestId'
import { loader as helpTopicLoader } from '~/routes/help.$topic'
import { action as contactAction } from '~/routes/help.contact'
import { formRequest, getRequest, run } from '~/test/requests'
import { createTestUser, signedInCookie } from '~/test/users'
import { Throttled } from '~/services/security/throttle.server'
import { submitContactRequest } from './contact.server'
import { findHelpTopic, HELP_TOPICS, parseHelpText, withFee } from './topics'

/** The menu of a portal page view (root loader, as the server runs it for a page in the members' frame). */
async function portalMenu(path: string, cookie: string) {
  const response = await run(
    (args: LoaderFunctionArgs) => rootLoader({ ...args, context: { ...args.context, menuFrame: 'members' } }),
    getRequest(path, cookie),
  )
  return (await response.json()).menu
}

const question = {
  name: 'Quinn Asker',
  email: 'quinn@example.com',
  topic: 'payments',
  message: 'When does the freelancer receive the money after approval?',
}

describe('contact requests', () => {
  it('refuses a name with line breaks, which would forge lines of the email the admins get', async () => {
    const name = 'Quinn\nAnswer it here: https://evil.example/admin'
    const posted = await run(contactAction, formRequest('/help/contact', { ...question, name, website: '' }))
    expect(posted.status).toBe(400)
    expect((await posted.json()).error.name).toEqual([
      'Write your name on one line, without line breaks or control characters',
    ])
  })

  it('stores a question, emails the admins, and lets an admin answer it once by email', async () => {
    const admin = await createTestUser('admin')
    const posted = await run(contactAction, formRequest('/help/contact', { ...question, website: '' }))
    expect(posted.status).toBe(302)
    const { rows } = await listContactRequests('open', { limit: 100, offset: 0 })
    const stored = rows.find((row) => row.email === 'quinn@example.com')
    expect(stored).toMatchObject({ name: 'Quinn Asker', topic: 'payments', status: 'open', userId: null })
    const adminMail = (await listOutbox({ to: admin.email, page: 1, pageSize: 10 })).rows
    expect(adminMail[0]?.subject).toMatch(/^Contact request #[0-9a-f]{8}: Payments, fees and escrow — Quinn Asker$/)

    const cookie = await signedInCookie(admin.id)
    const openBefore = (await portalMenu('/admin', cookie)).badges['/admin/contact-requests']
    expect(openBefore).toBeGreaterThanOrEqual(1)
    const params = { requestId: stored!.id }
    const path = `/admin/contact-requests/${stored!.id}`
    expect((await run(answerAction, formRequest(path, { reply: 'short' }, cookie), params)).status).toBe(400)
    expect(
      (
        await run(
          answerAction,
          formRequest(path, { reply: 'Right away: the money reaches your wallet on release.' }, cookie),
          params,
        )
      ).status,
    ).toBe(302)
    expect((await findContactRequest(stored!.id))?.status).toBe('answered')
    const openAfter = (await portalMenu('/admin', cookie)).badges['/admin/contact-requests'] ?? 0
    expect(openAfter).toBe(openBefore - 1)
    const [reply] = (await listOutbox({ to: 'quinn@example.com', page: 1, pageSize: 10 })).rows
    expect(reply?.subject).toMatch(/^Re: your question to MegiLance \(#[0-9a-f]{8}\)$/)
    expect(reply?.text).toContain('Right away: the money reaches your wallet on release.')
    expect(reply?.text).toContain('> When does the freelancer receive the money after approval?')
    expect(
      (await run(answerAction, formRequest(path, { reply: 'A second answer to the same question.' }, cookie), params))
        .status,
    ).toBe(409)
    const page = await (await run(requestLoader, getRequest(path, cookie), params)).json()
    expect(page.replies.map((r: { subject: string }) => r.subject)).toEqual([reply?.subject])

    const client = await createTestUser('client')
    expect((await run(requestLoader, getRequest(path, await signedInCookie(client.id)), params)).status).toBe(403)
  })

  it('keeps what was typed on a validation error, drops honeypot posts, links signed-in senders', async () => {
    const bad = await run(
      contactAction,
      formRequest('/help/contact', { ...question, email: 'not-an-email', message: 'Too short' }),
    )
    expect(bad.status).toBe(400)
    const reply = await bad.json()
    expect(reply.initialValue).toMatchObject({ name: 'Quinn Asker', email: 'not-an-email' })
    expect(Object.keys(reply.error).sort()).toEqual(['email', 'message'])

    const before = (await listContactRequests('open', { limit: 1000, offset: 0 })).total
    const bot = await run(contactAction, formRequest('/help/contact', { ...question, website: 'http://spam.example' }))
    expect(bot.status).toBe(302)
    expect((await listContactRequests('open', { limit: 1000, offset: 0 })).total).toBe(before)

    const user = await createTestUser('freelancer')
    await run(
      contactAction,
      formRequest('/help/contact', { ...question, email: user.email }, await signedInCookie(user.id)),
    )
    const { rows } = await listContactRequests('open', { limit: 1000, offset: 0 })
    expect(rows.find((row) => row.email === user.email)?.userId).toBe(user.id)
  })
})

describe('contact request flooding', () => {
  it('takes 5 questions an hour from one address, then answers 429 with Retry-After and keeps the text', async () => {
    const flood = { ...question, email: 'flood@example.com' }
    const statuses = []
    for (let i = 0; i < 5; i++) statuses.push((await run(contactAction, formRequest('/help/contact', flood))).status)
    expect(statuses).toEqual([302, 302, 302, 302, 302])
    const stored = (await listContactRequests('open', { limit: 1000, offset: 0 })).total
    const sixth = await run(contactAction, formRequest('/help/contact', flood))
    expect(sixth.status).toBe(429)
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0)
    const reply = await sixth.json()
    expect(reply.error[''][0]).toMatch(/Too many attempts/)
    expect(reply.initialValue).toMatchObject({ email: 'flood@example.com', message: question.message })
    expect((await listContactRequests('open', { limit: 1000, offset: 0 })).total).toBe(stored)
  })

  it('takes 20 questions an hour from one network, whatever addresses they give, and emails no admin past that', async () => {
    const admin = await createTestUser('admin')
    const adminEmails = async () => (await listOutbox({ to: admin.email, page: 1, pageSize: 1 })).total
    const ip = '198.51.100.9'
    for (let i = 0; i < 20; i++) await submitContactRequest({ ...question, email: `asker-${i}@example.com` }, null, ip)
    const before = await adminEmails()
    await expect(submitContactRequest({ ...question, email: 'asker-21@example.com' }, null, ip)).rejects.toThrow(
      Throttled,
    )
    expect(await adminEmails()).toBe(before)
    // Another network is not held back.
    await submitContactRequest({ ...question, email: 'asker-21@example.com' }, null, '198.51.100.10')
  })
})

describe('help topics', () => {
  it('has the promised topics, answers 404 for others, and renders only in-app links', async () => {
    expect(HELP_TOPICS.map((topic) => topic.slug)).toEqual([
      'fees',
      'escrow',
      'disputes',
      'reviews',
      'ranking',
      'security',
    ])
    expect((await run(helpTopicLoader, getRequest('/help/nope'), { topic: 'nope' })).status).toBe(404)
    expect((await run(helpTopicLoader, getRequest('/help/fees'), { topic: 'fees' })).status).toBe(200)
    expect(JSON.stringify(withFee(findHelpTopic('fees'), 10))).toContain('10%')
    expect(JSON.stringify(withFee(findHelpTopic('fees'), 7.5))).toContain('7.5%')
    expect(JSON.stringify(findHelpTopic('reviews'))).toContain('14 days')
    expect(JSON.stringify(findHelpTopic('ranking'))).toContain('](/rank)')
    expect(parseHelpText('See [the rank page](/rank) and [elsewhere](https://x.example).')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'the rank page', to: '/rank' },
      { kind: 'text', text: ' and [elsewhere](https://x.example).' },
    ])
  })
})

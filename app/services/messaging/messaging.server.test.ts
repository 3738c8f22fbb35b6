import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { countUnreadMessages, listConversationsForUser, listMessages } from '~/models/conversations.server'
import { getDb } from '~/models/db.server'
import { fraudSignals, notifications } from '~/models/schema'
import { loader as conversationLoader, action as conversationAction } from '~/routes/_portal.messages.$conversationId'
import { loader as eventsLoader } from '~/routes/_portal.messages.$conversationId.events'
import { loader as fileLoader } from '~/routes/_portal.messages.$conversationId.files.$uploadId'
import { loader as forContractLoader } from '~/routes/_portal.messages.for.contract.$contractId'
import { loader as forProposalLoader } from '~/routes/_portal.messages.for.proposal.$proposalId'
import { loader as fraudLoader } from '~/routes/_portal.admin.fraud._index'
import { blockUser } from '~/models/users.server'
import { endAllSessions, readSession, revokeSession } from '~/services/accounts/sessions.server'
import { formRequest, getRequest, run } from '~/test/requests'
import { createTestUser, signedInCookie } from '~/test/users'
import { readEventStream } from '~/test/event-stream'
import { conversationEventStream, listenerCount, MAX_STREAMS_PER_USER, publish } from './live.server'
import { eventStreamResponse } from '~/http/event-stream.server'
import {
  findReadableConversation,
  loadConversationPage,
  openConversationFor,
  sendMessage,
  shouldNotifyRecipient,
} from './messaging.server'
import { hireBetweenNewUsers } from '~/test/escrow-fixtures'

async function proposalAndContract() {
  const { client, freelancer, contract } = await hireBetweenNewUsers(
    { type: 'fixed', title: 'Booking app contract', projectTitle: 'Build a booking app', amountMinor: 90_000 },
    { client: 'Clara Test', freelancer: 'Felix Test' },
  )
  return { client, freelancer, proposalId: contract.proposalId, contractId: contract.id }
}

function notificationsOf(userId: string) {
  return getDb().select().from(notifications).where(eq(notifications.userId, userId)).all()
}

describe('conversations', () => {
  it('exist once per proposal and per contract, for its two sides only', async () => {
    const { client, freelancer, proposalId, contractId } = await proposalAndContract()
    const stranger = await createTestUser('freelancer')
    const a = await openConversationFor('proposal', proposalId, client.id)
    const b = await openConversationFor('proposal', proposalId, freelancer.id)
    expect(a?.id).toBeDefined()
    expect(b?.id).toBe(a?.id)
    expect(a).toMatchObject({ kind: 'proposal', clientId: client.id, freelancerId: freelancer.id })
    const c = await openConversationFor('contract', contractId, freelancer.id)
    expect(c?.id).not.toBe(a?.id)
    expect(await openConversationFor('proposal', proposalId, stranger.id)).toBeUndefined()
    expect(await openConversationFor('contract', 'nope', client.id)).toBeUndefined()
  })

  it('count unread messages per user until the conversation is opened', async () => {
    const { client, freelancer, proposalId, contractId } = await proposalAndContract()
    const proposalChat = (await openConversationFor('proposal', proposalId, client.id))!
    const contractChat = (await openConversationFor('contract', contractId, client.id))!
    await sendMessage({ conversation: proposalChat, sender: client, body: 'Hello! When can you start?' })
    await sendMessage({ conversation: proposalChat, sender: client, body: 'Also: do you know Remix?' })
    await sendMessage({ conversation: contractChat, sender: freelancer, body: 'First draft is up.' })
    expect(await countUnreadMessages(freelancer.id)).toBe(2)
    expect(await countUnreadMessages(client.id)).toBe(1)

    const list = await listConversationsForUser(freelancer.id)
    expect(list.map((row) => [row.title, row.unread, row.otherPartyName])).toEqual([
      ['Booking app contract', 0, 'Clara Test'],
      ['Build a booking app', 2, 'Clara Test'],
    ])
    expect(list[1]?.lastMessageBody).toBe('Also: do you know Remix?')

    const page = await loadConversationPage(proposalChat, freelancer)
    expect(page.messages.map((message) => message.body)).toEqual([
      'Hello! When can you start?',
      'Also: do you know Remix?',
    ])
    expect(page.otherPartyName).toBe('Clara Test')
    expect(await countUnreadMessages(freelancer.id)).toBe(0)
    expect(await countUnreadMessages(client.id)).toBe(1)
  })

  it('are readable by their two sides and admins only', async () => {
    const { client, proposalId } = await proposalAndContract()
    const conversation = (await openConversationFor('proposal', proposalId, client.id))!
    const stranger = await createTestUser('client')
    const admin = await createTestUser('admin')
    expect(await findReadableConversation(conversation.id, stranger)).toBeUndefined()
    expect((await findReadableConversation(conversation.id, admin))?.id).toBe(conversation.id)
    // An admin reading does not mark anything read for the sides.
    await sendMessage({ conversation, sender: client, body: 'Ping' })
    await loadConversationPage(conversation, admin)
    expect(await countUnreadMessages(conversation.freelancerId)).toBe(1)
  })
})

describe('off-platform messages', () => {
  it('are delivered, flagged with reasons, and recorded for admins', async () => {
    const { client, freelancer, proposalId } = await proposalAndContract()
    const conversation = (await openConversationFor('proposal', proposalId, client.id))!
    const message = await sendMessage({
      conversation,
      sender: freelancer,
      body: 'Call me on +44 7700 900123. Pay via Western Union',
    })
    expect(message.offPlatformReasons).toEqual(['phone', 'western_union'])
    const [shown] = await listMessages(conversation.id)
    expect(shown?.offPlatformReasons).toEqual(['phone', 'western_union'])
    const signals = getDb().select().from(fraudSignals).where(eq(fraudSignals.sourceId, message.id)).all()
    expect(signals).toHaveLength(1)
    expect(signals[0]).toMatchObject({
      userId: freelancer.id,
      source: 'message',
      reasons: ['phone', 'western_union'],
      reviewedAt: null,
    })
    const [row2] = (await listConversationsForUser(client.id)).filter((c) => c.id === conversation.id)
    expect(row2?.lastMessageFlagged).toBe(1)
    // The recipient's notification carries the warning.
    const [note] = notificationsOf(client.id)
    expect(note?.body).toContain('asks to move off MegiLance')

    await sendMessage({ conversation, sender: client, body: 'Sure, send the draft here when it is ready.' })
    expect(getDb().select().from(fraudSignals).where(eq(fraudSignals.userId, client.id)).all()).toEqual([])
  })
})

describe('message notifications', () => {
  it('are sent for the first unread message, then at most once per 10 minutes', async () => {
    const { client, freelancer, proposalId } = await proposalAndContract()
    const conversation = (await openConversationFor('proposal', proposalId, client.id))!
    await sendMessage({ conversation, sender: client, body: 'One' })
    await sendMessage({ conversation, sender: client, body: 'Two' })
    await sendMessage({ conversation, sender: client, body: 'Three' })
    expect(notificationsOf(freelancer.id)).toHaveLength(1)
    expect(notificationsOf(freelancer.id)[0]).toMatchObject({
      kind: 'message_received',
      link: `/messages/${conversation.id}`,
    })
    // After reading, the next message is news again.
    await loadConversationPage(conversation, freelancer)
    await sendMessage({ conversation, sender: client, body: 'Four' })
    expect(notificationsOf(freelancer.id)).toHaveLength(2)
  })

  it('follow the rule', () => {
    const now = new Date('2026-11-23T12:00:00Z')
    const minutesAgo = (n: number) => new Date(now.getTime() - n * 60_000)
    expect(shouldNotifyRecipient({ watching: false, unreadBefore: 0, lastNotifiedAt: minutesAgo(1), now })).toBe(true)
    expect(shouldNotifyRecipient({ watching: false, unreadBefore: 3, lastNotifiedAt: minutesAgo(9), now })).toBe(false)
    expect(shouldNotifyRecipient({ watching: false, unreadBefore: 3, lastNotifiedAt: minutesAgo(10), now })).toBe(true)
    expect(shouldNotifyRecipient({ watching: false, unreadBefore: 3, lastNotifiedAt: undefined, now })).toBe(true)
    expect(shouldNotifyRecipient({ watching: true, unreadBefore: 0, lastNotifiedAt: undefined, now })).toBe(false)
  })
})

describe('live events', () => {
  it('stream new messages and stop listening when the browser leaves', async () => {
    const { client, freelancer, proposalId } = await proposalAndContract()
    const conversation = (await openConversationFor('proposal', proposalId, client.id))!
    const abort = new AbortController()
    const { sessionId } = (await readSession(getRequest('/', await signedInCookie(freelancer.id))))!
    const response = eventStreamResponse(
      conversationEventStream(abort.signal, conversation.id, { userId: freelancer.id, sessionId }, { heartbeatMs: 20 }),
    )
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/)
    expect(response.headers.get('cache-control')).toContain('no-transform')
    const stream = readEventStream(response)
    await stream.readUntil(': connected')
    expect(listenerCount(conversation.id)).toBe(1)
    const message = await sendMessage({ conversation, sender: client, body: 'Live!' })
    expect(await stream.readUntil(message.id)).toContain('event: message')
    await stream.readUntil(': heartbeat')
    // Watching live: no notification for this message.
    expect(notificationsOf(freelancer.id)).toHaveLength(0)
    abort.abort()
    expect(listenerCount(conversation.id)).toBe(0)
    publish(conversation.id, { type: 'message', messageId: 'after', senderId: client.id })
    expect(await stream.readToEnd()).not.toContain('after')
  })

  async function openStream(userId: string, conversationId: string) {
    const cookie = await signedInCookie(userId)
    const { sessionId } = (await readSession(getRequest('/', cookie)))!
    const response = await run(eventsLoader, getRequest(`/messages/${conversationId}/events`, cookie), {
      conversationId,
    })
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const stream = readEventStream(response)
    const connected = await stream.readUntil(': connected')
    /** What the stream delivers after connecting, until it closes. */
    const rest = async () => (await stream.readToEnd()).slice(connected.length)
    return { sessionId, rest }
  }

  it('close as soon as the session is revoked, and deliver nothing after', async () => {
    const { client, freelancer, proposalId } = await proposalAndContract()
    const conversation = (await openConversationFor('proposal', proposalId, client.id))!
    const other = await openStream(freelancer.id, conversation.id)
    const revoked = await openStream(freelancer.id, conversation.id)
    expect(listenerCount(conversation.id)).toBe(2)

    expect(await revokeSession(freelancer.id, revoked.sessionId, { ip: null, userAgent: null, deviceId: null })).toBe(
      true,
    )
    const afterRevoke = await revoked.rest()
    expect(listenerCount(conversation.id)).toBe(1)
    const message = await sendMessage({ conversation, sender: client, body: 'After the revocation' })
    expect(afterRevoke).not.toContain(message.id)

    // The freelancer's other browser is still signed in and keeps receiving until it signs out.
    await endAllSessions(freelancer.id)
    expect(await other.rest()).toContain(message.id)
    expect(listenerCount(conversation.id)).toBe(0)
  })

  it('check the session before each delivery, so a session that ended unannounced gets nothing', async () => {
    const { client, freelancer, proposalId } = await proposalAndContract()
    const conversation = (await openConversationFor('proposal', proposalId, client.id))!
    const stream = await openStream(freelancer.id, conversation.id)
    // Blocked straight in the database: no signal, as if another process had done it.
    await blockUser(freelancer.id, 'Test block')
    const message = await sendMessage({ conversation, sender: client, body: 'Are you still there?' })
    expect(await stream.rest()).not.toContain(message.id)
    expect(listenerCount(conversation.id)).toBe(0)
  })

  it('hold at most MAX_STREAMS_PER_USER open for one person: a new one closes their oldest', async () => {
    const { client, freelancer, proposalId } = await proposalAndContract()
    const conversation = (await openConversationFor('proposal', proposalId, client.id))!
    const { sessionId } = (await readSession(getRequest('/', await signedInCookie(freelancer.id))))!
    const aborts: AbortController[] = []
    const open = async () => {
      const abort = new AbortController()
      aborts.push(abort)
      const stream = readEventStream(
        eventStreamResponse(
          conversationEventStream(abort.signal, conversation.id, { userId: freelancer.id, sessionId }),
        ),
      )
      await stream.readUntil(': connected')
      return stream
    }
    const oldest = await open()
    for (let i = 1; i < MAX_STREAMS_PER_USER; i++) await open()
    expect(listenerCount(conversation.id)).toBe(MAX_STREAMS_PER_USER)
    // One more (a script opening streams in a loop, say): the oldest ends, the count stays.
    const newest = await open()
    expect(listenerCount(conversation.id)).toBe(MAX_STREAMS_PER_USER)
    await oldest.readToEnd()
    // Someone else's streams are not affected.
    const clientSession = (await readSession(getRequest('/', await signedInCookie(client.id))))!
    const clientAbort = new AbortController()
    aborts.push(clientAbort)
    const clientStream = readEventStream(
      eventStreamResponse(
        conversationEventStream(clientAbort.signal, conversation.id, {
          userId: client.id,
          sessionId: clientSession.sessionId,
        }),
      ),
    )
    await clientStream.readUntil(': connected')
    expect(listenerCount(conversation.id)).toBe(MAX_STREAMS_PER_USER + 1)
    const message = await sendMessage({ conversation, sender: client, body: 'To the newest tab' })
    expect(await newest.readUntil(message.id)).toContain('event: message')
    for (const abort of aborts) abort.abort()
    expect(listenerCount(conversation.id)).toBe(0)
  })
})

describe('routes', () => {
  it('find or create, then redirect; strangers get 404 everywhere', async () => {
    const { client, freelancer, proposalId, contractId } = await proposalAndContract()
    const stranger = await createTestUser('client')
    const clientCookie = await signedInCookie(client.id)
    const strangerCookie = await signedInCookie(stranger.id)
    const redirect = await run(forProposalLoader, getRequest(`/messages/for/proposal/${proposalId}`, clientCookie), {
      proposalId,
    })
    expect(redirect.status).toBe(302)
    const location = redirect.headers.get('location') ?? ''
    const conversationId = location.split('/').pop()!
    expect(location).toBe(`/messages/${conversationId}`)
    expect((await run(forProposalLoader, getRequest('/', strangerCookie), { proposalId })).status).toBe(404)
    expect((await run(forContractLoader, getRequest('/', strangerCookie), { contractId })).status).toBe(404)
    expect((await run(conversationLoader, getRequest('/', strangerCookie), { conversationId })).status).toBe(404)
    expect((await run(eventsLoader, getRequest('/', strangerCookie), { conversationId })).status).toBe(404)
    expect((await run(fileLoader, getRequest('/', strangerCookie), { conversationId, uploadId: 'x' })).status).toBe(404)
    const post = await run(conversationAction, formRequest('/', { body: 'Hi' }, strangerCookie), { conversationId })
    expect(post.status).toBe(404)

    // A plain form post redirects back to the conversation (post/redirect/get).
    const sent = await run(
      conversationAction,
      formRequest(`/messages/${conversationId}`, { body: 'Hello there' }, clientCookie),
      { conversationId },
    )
    expect(sent.status).toBe(302)
    expect(sent.headers.get('location')).toBe(`/messages/${conversationId}`)
    const empty = await run(
      conversationAction,
      formRequest(`/messages/${conversationId}`, { body: '  ' }, clientCookie),
      { conversationId },
    )
    expect(empty.status).toBe(400)
    expect(await countUnreadMessages(freelancer.id)).toBe(1)

    // Admins may read but not write; non-admins get 403 on the fraud list.
    const admin = await createTestUser('admin')
    const adminCookie = await signedInCookie(admin.id)
    expect((await run(conversationLoader, getRequest('/', adminCookie), { conversationId })).status).toBe(200)
    expect(
      (await run(conversationAction, formRequest('/', { body: 'Hi' }, adminCookie), { conversationId })).status,
    ).toBe(403)
    expect((await run(fraudLoader, getRequest('/admin/fraud', clientCookie))).status).toBe(403)
    expect((await run(fraudLoader, getRequest('/admin/fraud', adminCookie))).status).toBe(200)
  })
})

describe('attachments', () => {
  function multipart(
    path: string,
    cookie: string,
    body: string,
    files: { name: string; type: string; bytes: Uint8Array<ArrayBuffer> }[],
  ) {
    const form = new FormData()
    form.set('body', body)
    for (const file of files) form.append('files', new File([file.bytes], file.name, { type: file.type }))
    return new Request(`http://localhost${path}`, { method: 'POST', headers: { cookie }, body: form })
  }

  it('are stored when their bytes are an accepted type, refused otherwise, and served to the two sides only', async () => {
    const { client, freelancer, proposalId } = await proposalAndContract()
    const conversation = (await openConversationFor('proposal', proposalId, client.id))!
    const conversationId = conversation.id
    const cookie = await signedInCookie(client.id)
    const path = `/messages/${conversationId}`

    // An executable renamed to .pdf is refused by its magic bytes; nothing is sent.
    const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array(60).fill(0)])
    const refused = await run(
      conversationAction,
      multipart(path, cookie, 'Here is the spec', [{ name: 'spec.pdf', type: 'application/pdf', bytes: elf }]),
      { conversationId },
    )
    expect(refused.status).toBe(400)
    expect(JSON.stringify(await refused.json())).toContain('is not an accepted kind of file')
    expect(await listMessages(conversationId)).toEqual([])

    // Text saved by an older editor (Windows-1252 "café") is refused with what to do about it.
    const latin1 = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a])
    const olderText = await run(
      conversationAction,
      multipart(path, cookie, 'Notes attached', [{ name: 'notes.txt', type: 'text/plain', bytes: latin1 }]),
      { conversationId },
    )
    expect(olderText.status).toBe(400)
    expect(JSON.stringify(await olderText.json())).toContain(
      '\\"notes.txt\\" is text in an older encoding, not UTF-8. Save it as UTF-8',
    )
    expect(await listMessages(conversationId)).toEqual([])

    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8,
      6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
    ])
    const sent = await run(
      conversationAction,
      multipart(path, cookie, 'Notes and a mockup', [
        { name: 'notes.txt', type: 'text/plain', bytes: new TextEncoder().encode('Scope notes') },
        { name: 'mockup.png', type: 'image/png', bytes: png },
      ]),
      { conversationId },
    )
    expect(sent.status).toBe(302)
    const [message] = await listMessages(conversationId)
    expect(message?.attachments.map((file) => [file.name, file.contentType])).toEqual([
      ['notes.txt', 'text/plain'],
      ['mockup.png', 'image/png'],
    ])
    const uploadId = message!.attachments[0]!.uploadId
    const download = await run(fileLoader, getRequest('/', await signedInCookie(freelancer.id)), {
      conversationId,
      uploadId,
    })
    expect(download.status).toBe(200)
    expect(await download.text()).toBe('Scope notes')
    // A private file: no cache keeps it, so it is gone from a shared computer once its user signs out.
    expect(download.headers.get('cache-control')).toBe('private, no-store')
    expect(download.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''notes.txt")
    const stranger = await createTestUser('freelancer')
    expect(
      (await run(fileLoader, getRequest('/', await signedInCookie(stranger.id)), { conversationId, uploadId })).status,
    ).toBe(404)
    // A file of one conversation is not reachable through another, even for that one's sides.
    const second = await proposalAndContract()
    const otherConversation = (await openConversationFor('proposal', second.proposalId, second.client.id))!
    const crossed = await run(fileLoader, getRequest('/', await signedInCookie(second.client.id)), {
      conversationId: otherConversation.id,
      uploadId,
    })
    expect(crossed.status).toBe(404)
  })
})

import { describe, expect, it } from 'vitest'
import { listCallAttendance } from '~/models/calls.server'
import { listNotifications } from '~/models/notifications.server'
import { listOutbox } from '~/models/outbox.server'
import { findOrCreateConversation } from '~/models/conversations.server'
import { action as admitAction } from '~/routes/_portal.calls.$callId.admit'
import { loader as callLoader, action as inviteAction } from '~/routes/_portal.calls.$callId._index'
import { loader as roomLoader } from '~/routes/_portal.calls.$callId.room'
import { action as startAction } from '~/routes/_portal.calls.start'
import { createFixedContract } from '~/test/fixed-contract'
import { formRequest, getRequest, run } from '~/test/requests'
import { createTestUser, signedInCookie } from '~/test/users'
import {
  admittedCallOf,
  admitToCall,
  CALL_LIMIT,
  callOfPeer,
  PLACES_PER_PERSON,
  recordPeerJoined,
  recordPeerLeft,
  REOPEN_WITHIN_MS,
  requireCallAccess,
  startOrJoinCall,
} from './calls.server'
import { PEER_TOKEN_TTL_MS } from './peer-tokens.server'

async function contractCall() {
  const { client, freelancer, contract } = await createFixedContract()
  const call = await startOrJoinCall(client, { contractId: contract.id })
  return { client, freelancer, contract, call }
}

describe('starting and joining a call', () => {
  it('starts one call per conversation: the other side (from the contract or the conversation) joins the same', async () => {
    const { client, freelancer, contract, call } = await contractCall()
    const conversation = await findOrCreateConversation({
      kind: 'contract',
      subjectId: contract.id,
      clientId: client.id,
      freelancerId: freelancer.id,
    })
    expect(call.conversationId).toBe(conversation.id)
    expect((await startOrJoinCall(freelancer, { conversationId: conversation.id })).id).toBe(call.id)
    expect((await startOrJoinCall(freelancer, { contractId: contract.id })).id).toBe(call.id)
  })

  it('POST /calls/start redirects a side to the room and answers 404 to anyone else', async () => {
    const { client, contract } = await createFixedContract()
    const started = await run(
      startAction,
      formRequest('/calls/start', { contractId: contract.id }, await signedInCookie(client.id)),
    )
    expect(started.status).toBe(302)
    expect(started.headers.get('Location')).toMatch(/^\/calls\/[\w-]+\/room$/)
    const stranger = await createTestUser('freelancer')
    const refused = await run(
      startAction,
      formRequest('/calls/start', { contractId: contract.id }, await signedInCookie(stranger.id)),
    )
    expect(refused.status).toBe(404)
    const bad = await run(startAction, formRequest('/calls/start', { nothing: 'x' }, await signedInCookie(client.id)))
    expect(bad.status).toBe(400)
  })

  it('tells the other side once when a call starts (in-app and by email), not when someone joins it', async () => {
    const { client, freelancer, call } = await contractCall()
    const [note, ...more] = await listNotifications(freelancer.id, { limit: 10, offset: 0 })
    expect(more).toHaveLength(0)
    expect(note).toMatchObject({ kind: 'call_invitation', link: `/calls/${call.id}` })
    expect(note!.title).toMatch(new RegExp(`^${client.name} started a call about “.+”$`))
    expect(note!.body).toContain('waiting for you in the call')
    const email = (await listOutbox({ to: freelancer.email, page: 1, pageSize: 1 })).rows[0]
    expect(email?.subject).toBe(note!.title)
    await startOrJoinCall(freelancer, { conversationId: call.conversationId })
    expect(await listNotifications(client.id, { limit: 10, offset: 0 })).toHaveLength(0)
    expect(await listNotifications(freelancer.id, { limit: 10, offset: 0 })).toHaveLength(1)
  })

  it('starts a new call once everyone has left the last one', async () => {
    const { client, call } = await contractCall()
    const access = await requireCallAccess(client, call.id)
    const admission = await admitToCall(client, access)
    if (!admission.ok) throw new Error(admission.message)
    await recordPeerJoined(admission.peerId)
    await recordPeerLeft(admission.peerId)
    const next = await startOrJoinCall(client, { conversationId: call.conversationId })
    expect(next.id).not.toBe(call.id)
  })
})

describe('coming back to a call', () => {
  it(`reopens a call for whoever left it last within ${REOPEN_WITHIN_MS / 1000} s; later, or once a newer call runs, says it has ended`, async () => {
    const { client, freelancer, call } = await contractCall()
    const access = await requireCallAccess(client, call.id)
    // In the past, so that the admit endpoint's own clock (now) is later still.
    const left = new Date(Date.now() - 2 * REOPEN_WITHIN_MS - 10_000)
    const first = await admitToCall(client, access, left)
    if (!first.ok) throw new Error(first.message)
    await recordPeerJoined(first.peerId, left)
    await recordPeerLeft(first.peerId, left)
    expect((await requireCallAccess(client, call.id)).call.endedAt).not.toBeNull()

    // Rejoin straight after leaving: the same call, going on again.
    const soon = new Date(left.getTime() + REOPEN_WITHIN_MS - 1_000)
    const back = await admitToCall(client, access, soon)
    expect(back.ok).toBe(true)
    expect((await requireCallAccess(client, call.id)).call.endedAt).toBeNull()
    if (!back.ok) return
    await recordPeerJoined(back.peerId, soon)
    await recordPeerLeft(back.peerId, soon)

    // Too late: 409 with what to do instead.
    const late = new Date(soon.getTime() + REOPEN_WITHIN_MS + 1)
    expect(await admitToCall(freelancer, await requireCallAccess(freelancer, call.id), late)).toEqual({
      ok: false,
      reason: 'conflict',
      message: 'This call has ended. Start a new one from the call’s page.',
    })
    const response = await run(
      admitAction,
      formRequest(`/calls/${call.id}/admit`, {}, await signedInCookie(client.id)),
      { callId: call.id },
    )
    expect(response.status).toBe(409)
    expect((await listCallAttendance(call.id)).length).toBe(2)
  })

  it('does not reopen an ended call once the conversation has started a newer one', async () => {
    const { client, call } = await contractCall()
    const access = await requireCallAccess(client, call.id)
    const first = await admitToCall(client, access)
    if (!first.ok) throw new Error(first.message)
    await recordPeerJoined(first.peerId)
    await recordPeerLeft(first.peerId)
    const newer = await startOrJoinCall(client, { conversationId: call.conversationId })
    expect(newer.id).not.toBe(call.id)
    expect((await admitToCall(client, access)).ok).toBe(false)
  })
})

describe('who may see and join a call', () => {
  it('lets the two sides and invited guests in; a stranger gets 404 from every call page and action', async () => {
    const { client, freelancer, call } = await contractCall()
    const guest = await createTestUser('client', { name: 'Gwen Guest' })
    const stranger = await createTestUser('freelancer')
    const strangerCookie = await signedInCookie(stranger.id)
    const params = { callId: call.id }

    for (const user of [client, freelancer]) {
      const cookie = await signedInCookie(user.id)
      expect((await run(callLoader, getRequest(`/calls/${call.id}`, cookie), params)).status).toBe(200)
      expect((await run(roomLoader, getRequest(`/calls/${call.id}/room`, cookie), params)).status).toBe(200)
    }
    expect((await run(callLoader, getRequest(`/calls/${call.id}`, strangerCookie), params)).status).toBe(404)
    expect((await run(roomLoader, getRequest(`/calls/${call.id}/room`, strangerCookie), params)).status).toBe(404)
    expect((await run(admitAction, formRequest(`/calls/${call.id}/admit`, {}, strangerCookie), params)).status).toBe(
      404,
    )
    expect(
      (await run(inviteAction, formRequest(`/calls/${call.id}`, { email: stranger.email }, strangerCookie), params))
        .status,
    ).toBe(404)
    expect((await run(callLoader, getRequest('/calls/nope', strangerCookie), { callId: 'nope' })).status).toBe(404)

    // The client invites the guest by email: now they may come in, to this call only.
    const invited = await run(
      inviteAction,
      formRequest(`/calls/${call.id}`, { email: guest.email.toUpperCase() }, await signedInCookie(client.id)),
      params,
    )
    expect(invited.status).toBe(302)
    const guestCookie = await signedInCookie(guest.id)
    expect((await run(roomLoader, getRequest(`/calls/${call.id}/room`, guestCookie), params)).status).toBe(200)
    // A guest joins; inviting is for the conversation's two sides.
    const other = await createTestUser('client')
    expect(
      (await run(inviteAction, formRequest(`/calls/${call.id}`, { email: other.email }, guestCookie), params)).status,
    ).toBe(403)
    const admitted = await run(admitAction, formRequest(`/calls/${call.id}/admit`, {}, guestCookie), params)
    expect(admitted.status).toBe(200)
    expect(await admitted.json()).toMatchObject({ ok: true, peerId: expect.stringMatching(/^p[0-9a-f]{32}$/) })
  })

  it('refuses to invite someone unknown, with the reason beside the field', async () => {
    const { client, call } = await contractCall()
    const response = await run(
      inviteAction,
      formRequest(`/calls/${call.id}`, { email: 'nobody@nowhere.example', live: '1' }, await signedInCookie(client.id)),
      { callId: call.id },
    )
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toContain('Nobody on MegiLance has that email address.')
  })
})

describe('admission and the PeerServer check', () => {
  it('accepts the admitted peer with its token, and nothing made up, reused after leaving, or expired', async () => {
    const { client, call } = await contractCall()
    const now = new Date()
    const admission = await admitToCall(client, await requireCallAccess(client, call.id), now)
    if (!admission.ok) throw new Error(admission.message)
    expect(await admittedCallOf(admission, now.getTime())).toBe(call.id)
    expect(await admittedCallOf({ peerId: 'pmadeup', token: admission.token }, now.getTime())).toBeNull()
    expect(await admittedCallOf({ peerId: admission.peerId, token: `${admission.expiresAt}.x` })).toBeNull()
    expect(await admittedCallOf(admission, now.getTime() + PEER_TOKEN_TTL_MS)).toBeNull()
    await recordPeerJoined(admission.peerId, now)
    await recordPeerLeft(admission.peerId, new Date(now.getTime() + 60_000))
    expect(await admittedCallOf(admission, now.getTime())).toBeNull()
    // Signalling to it stays possible within the call: the PeerServer answers that it is unavailable.
    expect(await callOfPeer(admission.peerId)).toBe(call.id)
    expect(await callOfPeer('pmadeup')).toBeUndefined()
    const [row] = await listCallAttendance(call.id)
    expect(row).toMatchObject({ peerId: admission.peerId, joinedAt: now, leftAt: new Date(now.getTime() + 60_000) })
  })

  it('tells a newcomer who to call: those before it, not itself', async () => {
    const { client, freelancer, call } = await contractCall()
    const first = await admitToCall(client, await requireCallAccess(client, call.id))
    const second = await admitToCall(freelancer, await requireCallAccess(freelancer, call.id))
    if (!first.ok || !second.ok) throw new Error('not admitted')
    expect(first.peers).toEqual([])
    expect(second.peers).toEqual([{ peerId: first.peerId, userId: client.id, name: client.name }])
  })

  it(`admits at most ${CALL_LIMIT} at once and refuses the next with a clear message, until someone leaves`, async () => {
    const { client, call } = await contractCall()
    const guests = await Promise.all(Array.from({ length: CALL_LIMIT }, () => createTestUser('freelancer')))
    const now = new Date()
    const access = await requireCallAccess(client, call.id)
    const admitted: string[] = []
    for (const guest of guests.slice(0, CALL_LIMIT - 1)) {
      const admission = await admitToCall(guest, { ...access, asGuest: true }, now)
      if (!admission.ok) throw new Error(admission.message)
      admitted.push(admission.peerId)
    }
    // The eighth: the client. Some have connected, others are about to: all count.
    await recordPeerJoined(admitted[0]!, now)
    const eighth = await admitToCall(client, access, now)
    expect(eighth.ok).toBe(true)

    const ninth = await admitToCall(guests[CALL_LIMIT - 1]!, { ...access, asGuest: true }, now)
    expect(ninth).toEqual({
      ok: false,
      reason: 'conflict',
      message: 'This call is full: at most 8 people can be in a call at once. Try again when someone leaves.',
    })

    // The admit endpoint answers 409 with that message.
    const response = await run(
      admitAction,
      formRequest(`/calls/${call.id}/admit`, {}, await signedInCookie(client.id)),
      {
        callId: call.id,
      },
    )
    // The client's own earlier admission is replaced, not counted twice: still room for them.
    expect(response.status).toBe(200)

    // One leaves: the ninth gets in.
    await recordPeerLeft(admitted[0]!, now)
    expect((await admitToCall(guests[CALL_LIMIT - 1]!, { ...access, asGuest: true }, now)).ok).toBe(true)
  })

  it(`holds at most ${PLACES_PER_PERSON} places for one person, says why the next is refused, and keeps room for the other side`, async () => {
    const { client, freelancer, call } = await contractCall()
    const access = await requireCallAccess(client, call.id)
    const now = new Date()
    const tabs: string[] = []
    for (let tab = 0; tab < PLACES_PER_PERSON; tab++) {
      const admission = await admitToCall(client, access, now)
      if (!admission.ok) throw new Error(admission.message)
      await recordPeerJoined(admission.peerId, now)
      tabs.push(admission.peerId)
    }
    const more = await run(admitAction, formRequest(`/calls/${call.id}/admit`, {}, await signedInCookie(client.id)), {
      callId: call.id,
    })
    expect(more.status).toBe(409)
    expect(await more.json()).toEqual({
      ok: false,
      message:
        'You are already in this call in 2 places (tabs or devices). One person can hold at most 2, so that everyone else can join. Leave the call in one of them, then join here.',
    })
    expect((await admitToCall(freelancer, await requireCallAccess(freelancer, call.id), now)).ok).toBe(true)
    // Leaving in one tab frees its place.
    await recordPeerLeft(tabs[0]!, now)
    expect((await admitToCall(client, access, now)).ok).toBe(true)
  })

  it('stops counting an admission that never connected once its token has expired', async () => {
    const { client, call } = await contractCall()
    const access = await requireCallAccess(client, call.id)
    const guests = await Promise.all(Array.from({ length: CALL_LIMIT + 1 }, () => createTestUser('freelancer')))
    const then = new Date('2026-01-01T10:00:00Z')
    for (const guest of guests.slice(0, CALL_LIMIT))
      expect((await admitToCall(guest, { ...access, asGuest: true }, then)).ok).toBe(true)
    expect((await admitToCall(guests[CALL_LIMIT]!, { ...access, asGuest: true }, then)).ok).toBe(false)
    const later = new Date(then.getTime() + PEER_TOKEN_TTL_MS + 1)
    expect((await admitToCall(guests[CALL_LIMIT]!, { ...access, asGuest: true }, later)).ok).toBe(true)
  })
})

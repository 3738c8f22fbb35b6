import { describe, expect, it } from 'vitest'
import { findContract } from '~/models/contracts.server'
import { loader as conversationLoader } from '~/routes/_portal.messages.$conversationId'
import { action as bookingAction, loader as bookingLoader } from '~/routes/_portal.meetings.new'
import { action as startAction } from '~/routes/_portal.calls.start'
import { endContract } from '~/services/marketplace/contracts.server'
import { openConversationFor } from '~/services/messaging/messaging.server'
import { insertContractCall } from '~/test/contract-call'
import { createFixedContract } from '~/test/fixed-contract'
import { formRequest, getRequest, run } from '~/test/requests'
import { signedInCookie } from '~/test/users'

/**
 * Calls and meetings are for work in progress: once a contract has ended, neither its page nor its
 * conversation starts a new call or books a meeting, and the server refuses them with a message
 * that says what still works (messages). A call already going on can still be joined.
 */

async function endedContract() {
  const { client, freelancer, contract } = await createFixedContract()
  const conversation = (await openConversationFor('contract', contract.id, client.id))!
  const ended = await endContract(
    { id: client.id, name: client.name, role: 'client' },
    (await findContract(contract.id))!,
    'The work is done.',
  )
  expect(ended.ok).toBe(true)
  return { client, freelancer, contract, conversationId: conversation.id }
}

const ENDED_CALL =
  'This contract has ended, so no new call starts from it. You can still send messages in its conversation.'
const ENDED_MEETING =
  'This contract has ended, so no new meeting is booked from it. You can still send messages in its conversation.'

describe('an ended contract', () => {
  it('starts no new call, from its page or its conversation: 409 with what still works', async () => {
    const { client, freelancer, contract, conversationId } = await endedContract()
    const fromContract = await run(
      startAction,
      formRequest('/calls/start', { contractId: contract.id }, await signedInCookie(client.id)),
    )
    expect(fromContract.status).toBe(409)
    expect(await fromContract.text()).toContain(ENDED_CALL)
    const fromConversation = await run(
      startAction,
      formRequest('/calls/start', { conversationId }, await signedInCookie(freelancer.id)),
    )
    expect(fromConversation.status).toBe(409)
  })

  it('lets its sides join a call that was going on when it ended', async () => {
    const { client, freelancer, contract } = await createFixedContract()
    const callId = await insertContractCall(contract)
    await endContract({ id: client.id, name: client.name, role: 'client' }, (await findContract(contract.id))!, 'Done.')
    const joined = await run(
      startAction,
      formRequest('/calls/start', { contractId: contract.id }, await signedInCookie(freelancer.id)),
    )
    expect(joined.status).toBe(302)
    expect(joined.headers.get('Location')).toBe(`/calls/${callId}/room`)
  })

  it('books no meeting: the booking page and its form answer 409 with what still works', async () => {
    const { client, contract, conversationId } = await endedContract()
    const cookie = await signedInCookie(client.id)
    // From the contract page's address, to its conversation's booking page, which refuses.
    const fromContract = await run(bookingLoader, getRequest(`/meetings/new?contract=${contract.id}`, cookie))
    expect(fromContract.headers.get('Location')).toBe(`/meetings/new?conversation=${conversationId}`)
    const page = await run(bookingLoader, getRequest(`/meetings/new?conversation=${conversationId}`, cookie))
    expect(page.status).toBe(409)
    expect(await page.text()).toContain(ENDED_MEETING)
    const booked = await run(
      bookingAction,
      formRequest(
        `/meetings/new?conversation=${conversationId}`,
        { title: 'Catch-up', durationMinutes: '30', slot: '2026-12-07T14:00:00.000Z', recurrence: 'none' },
        cookie,
      ),
    )
    expect(booked.status).toBe(409)
  })

  it('its conversation says so and offers neither, but its messages stay open', async () => {
    const { client, conversationId } = await endedContract()
    const page = await run(
      conversationLoader,
      getRequest(`/messages/${conversationId}`, await signedInCookie(client.id)),
      { conversationId },
    )
    expect(page.status).toBe(200)
    expect(await page.json()).toMatchObject({ participant: true, contractEnded: true, callOngoing: false })

    const { client: active, contract } = await createFixedContract()
    const open = (await openConversationFor('contract', contract.id, active.id))!
    const activePage = await run(
      conversationLoader,
      getRequest(`/messages/${open.id}`, await signedInCookie(active.id)),
      { conversationId: open.id },
    )
    expect(await activePage.json()).toMatchObject({ contractEnded: false })
  })
})

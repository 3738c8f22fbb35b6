import { describe, expect, it } from 'vitest'
import { findContract } from '~/models/contracts.server'
import { insertCallGuest } from '~/models/calls.server'
import { loader as callPageLoader } from '~/routes/_portal.calls.$callId._index'
import { loader as roomLoader } from '~/routes/_portal.calls.$callId.room'
import { endContract } from '~/services/marketplace/contracts.server'
import { REOPEN_WITHIN_MS } from '~/services/video/calls.server'
import { insertContractCall } from './contract-call'
import { createFixedContract } from './fixed-contract'
import { getRequest, run } from './requests'
import { createTestUser, signedInCookie } from './users'

/**
 * A call that has ended for good (past the minute in which coming back reopens it) offers no
 * "Join": its page and its room say it has ended, when, and what to do next.
 */

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000)

async function roomOf(callId: string, cookie: string) {
  const response = await run(roomLoader, getRequest(`/calls/${callId}/room`, cookie), { callId })
  expect(response.status).toBe(200)
  return (await response.json()) as { ended: null | { restart: string | null; endedAt: string; asGuest: boolean } }
}

async function pageOf(callId: string, cookie: string) {
  const response = await run(callPageLoader, getRequest(`/calls/${callId}`, cookie), { callId })
  expect(response.status).toBe(200)
  return (await response.json()) as { joinable: boolean; restart: string | null }
}

describe('the call page and room of an ended call', () => {
  it('keep Join while the call goes on, and for the minute after the last person left', async () => {
    const { client, contract } = await createFixedContract()
    const cookie = await signedInCookie(client.id)
    const ongoing = await insertContractCall(contract)
    expect((await roomOf(ongoing, cookie)).ended).toBeNull()
    expect((await pageOf(ongoing, cookie)).joinable).toBe(true)

    const { client: other, contract: otherContract } = await createFixedContract()
    const justEnded = await insertContractCall(
      otherContract,
      minutesAgo(10),
      new Date(Date.now() - REOPEN_WITHIN_MS / 2),
    )
    const otherCookie = await signedInCookie(other.id)
    expect((await roomOf(justEnded, otherCookie)).ended).toBeNull()
    expect((await pageOf(justEnded, otherCookie)).joinable).toBe(true)
  })

  it('say when it ended and offer a new call with the same people once the minute has passed', async () => {
    const { freelancer, contract } = await createFixedContract()
    const endedAt = minutesAgo(5)
    const callId = await insertContractCall(contract, minutesAgo(30), endedAt)
    const cookie = await signedInCookie(freelancer.id)
    expect((await roomOf(callId, cookie)).ended).toMatchObject({
      restart: 'start-new',
      endedAt: endedAt.toISOString(),
      asGuest: false,
    })
    expect(await pageOf(callId, cookie)).toMatchObject({ joinable: false, restart: 'start-new' })
  })

  it('point to the newer call when one is going on in the same conversation, even within the minute', async () => {
    const { client, contract } = await createFixedContract()
    const older = await insertContractCall(contract, minutesAgo(30), new Date(Date.now() - 10_000))
    await insertContractCall(contract)
    const cookie = await signedInCookie(client.id)
    expect((await roomOf(older, cookie)).ended).toMatchObject({ restart: 'join-newer' })
    expect(await pageOf(older, cookie)).toMatchObject({ joinable: false, restart: 'join-newer' })
  })

  it('offer a guest no new call of their own, and an ended contract none at all', async () => {
    const { client, contract } = await createFixedContract()
    const callId = await insertContractCall(contract, minutesAgo(30), minutesAgo(5))
    const guest = await createTestUser('freelancer')
    await insertCallGuest({ callId, userId: guest.id, invitedBy: client.id, now: minutesAgo(20) })
    expect((await roomOf(callId, await signedInCookie(guest.id))).ended).toMatchObject({
      restart: null,
      asGuest: true,
    })

    await endContract({ id: client.id, name: client.name, role: 'client' }, (await findContract(contract.id))!, 'Done.')
    expect((await roomOf(callId, await signedInCookie(client.id))).ended).toMatchObject({
      restart: null,
      asGuest: false,
    })
  })
})

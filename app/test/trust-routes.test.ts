import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '~/models/db.server'
import { disputes } from '~/models/schema'
import { listNotifications } from '~/models/notifications.server'
import { loader as contractLoader } from '~/routes/_portal.contracts_.$contractId._index'
import { loader as disputeLoader } from '~/routes/_portal.disputes.$disputeId'
import { action as signInAction } from '~/routes/_auth.sign-in'
import { blockAccount, unblockAccount } from '~/services/accounts/accounts.server'
import { fixedContractBetweenNewUsers, insertOpenDispute } from './escrow-fixtures'
import { formRequest, getRequest, run } from './requests'
import { signedInCookie, TEST_PASSWORD } from './users'

const DAY_MS = 86_400_000

describe('a dispute’s response window', () => {
  it('is 7 days from the opening, shown to both sides, and past it the dispute says the claim is decided alone', async () => {
    const { client, freelancer, contract, milestoneIds } = await fixedContractBetweenNewUsers([50_000])
    const { dispute } = await insertOpenDispute({
      contractId: contract.id,
      milestoneId: milestoneIds[0]!,
      openedBy: client.id,
      reason: 'Nothing was delivered by the agreed date.',
      amountMinor: 50_000,
    })
    const id = dispute.dispute.id
    const view = async (userId: string) =>
      (
        await (
          await run(disputeLoader, getRequest(`/disputes/${id}`, await signedInCookie(userId)), { disputeId: id })
        ).json()
      ).dispute
    const opened = dispute.dispute.createdAt.getTime()
    for (const reader of [client.id, freelancer.id]) {
      const shown = await view(reader)
      expect(Date.parse(shown.responseDueAt) - opened).toBe(7 * DAY_MS)
      expect(shown.responseOverdue).toBe(false)
    }
    getDb()
      .update(disputes)
      .set({ createdAt: new Date(Date.now() - 8 * DAY_MS) })
      .where(eq(disputes.id, id))
      .run()
    expect((await view(client.id)).responseOverdue).toBe(true)
  })
})

describe('a blocked member', () => {
  it('is told where to contest it, and the other side of a live contract is told and shown it until the unblock', async () => {
    const { client, freelancer, contract } = await fixedContractBetweenNewUsers([50_000])
    await blockAccount(freelancer.id, 'Asked clients to pay outside the platform.')

    const refused = await run(
      signInAction,
      formRequest('/sign-in', { email: freelancer.email, password: TEST_PASSWORD }),
    )
    expect(refused.status).toBe(403)
    expect((await refused.json()).blocked).toBe(true)

    const told = await listNotifications(client.id, { limit: 50, offset: 0 })
    expect(told.map((notification) => notification.title)).toContain(
      `Felix’s account is suspended: “${contract.title}” is on hold`,
    )
    // The reason is the blocked member's: the other side is not told it.
    expect(JSON.stringify(told)).not.toContain('outside the platform')

    const page = async () =>
      (
        await (
          await run(contractLoader, getRequest(`/contracts/${contract.id}`, await signedInCookie(client.id)), {
            contractId: contract.id,
          })
        ).json()
      ).otherSideBlocked
    expect(await page()).toBe(true)
    await unblockAccount(freelancer.id)
    expect(await page()).toBe(false)
  })

  it('a wrong password on any account is not told to contest a block', async () => {
    const { client } = await fixedContractBetweenNewUsers([50_000])
    const refused = await run(
      signInAction,
      formRequest('/sign-in', { email: client.email, password: 'not-the-password-1' }),
    )
    expect((await refused.json()).blocked).toBe(false)
  })
})

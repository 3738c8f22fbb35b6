import { getDb } from '~/models/db.server'
import { meetings, notifications, portfolioItems } from '~/models/schema'
import { resetEnvForTests } from '~/utils/env.server'
import { openConversationFor } from '~/services/messaging/messaging.server'
import { insertContractCall } from '../contract-call'
import { insertOpenDispute } from '../escrow-fixtures'
import { createFixedContract } from '../fixed-contract'
import { createTestUser, signedInCookie } from '../users'

// The crypto webhook answers 503 until it has a secret to check signatures with; the world has one.
process.env.CRYPTO_WEBHOOK_SECRET ??= 'test-crypto-webhook-secret-0123456789abcdef'
resetEnvForTests()

export const ROLES = ['anon', 'client', 'freelancer', 'admin', 'strangerClient', 'strangerFreelancer'] as const
export type Role = (typeof ROLES)[number]

/**
 * One small marketplace every route is tried against: a client and a freelancer on a fixed
 * contract (its project, proposal, milestone, conversation, call, meeting, open dispute, a
 * notification and the freelancer's portfolio item), an admin, and a client and a freelancer who are party to none of it.
 */
export async function createWorld() {
  const { client, freelancer, contract, milestone } = await createFixedContract()
  const strangerClient = await createTestUser('client', { name: 'Stan Stranger' })
  const strangerFreelancer = await createTestUser('freelancer', { name: 'Sue Stranger' })
  const conversation = (await openConversationFor('contract', contract.id, client.id))!
  const callId = await insertContractCall(contract)
  const { dispute, admin } = await insertOpenDispute({
    contractId: contract.id,
    milestoneId: milestone.id,
    openedBy: client.id,
    reason: 'The delivered design is not what we agreed.',
    amountMinor: milestone.amountMinor,
  })
  const now = new Date()
  const notificationId = crypto.randomUUID()
  const meetingId = crypto.randomUUID()
  const db = getDb()
  db.insert(notifications)
    .values({
      id: notificationId,
      userId: client.id,
      kind: 'proposal_received',
      title: 'Hello',
      link: '/contracts',
      createdAt: now,
    })
    .run()
  db.insert(meetings)
    .values({
      id: meetingId,
      uid: `${meetingId}@megilance.test`,
      conversationId: conversation.id,
      organizerId: client.id,
      attendeeId: freelancer.id,
      title: 'Kick-off',
      startsAt: new Date(now.getTime() + 86_400_000),
      durationMinutes: 30,
      timeZone: 'UTC',
      createdAt: now,
      updatedAt: now,
    })
    .run()
  const portfolioItemId = crypto.randomUUID()
  db.insert(portfolioItems).values({ id: portfolioItemId, userId: freelancer.id, title: 'Shop redesign' }).run()
  const users = { client, freelancer, admin, strangerClient, strangerFreelancer }
  const unknown = () => crypto.randomUUID()
  /** A value for every `$param` of a route id; records this world does not hold get an unknown id. */
  const params: Record<string, string> = {
    contractId: contract.id,
    milestoneId: milestone.id,
    projectId: contract.projectId,
    proposalId: contract.proposalId,
    conversationId: conversation.id,
    callId,
    disputeId: dispute.dispute.id,
    notificationId,
    meetingId,
    userId: freelancer.id,
    topic: 'fees',
    index: '0',
    file: '2026.pdf',
    uploadId: unknown(),
    recordingId: unknown(),
    imageId: unknown(),
    itemId: portfolioItemId,
    messageId: unknown(),
    paymentId: unknown(),
    requestId: unknown(),
  }
  /** Params that depend on the route: a client's public page is the client's. */
  const paramsFor = (routeId: string) =>
    routeId.includes('clients.$userId') ? { ...params, userId: client.id } : params
  /**
   * A fresh signed-in cookie per call, so a route that signs out or revokes sessions spoils nothing else.
   * The admin's second factor is a minute old, so admin changes (which need one from the last 10) are tried.
   */
  const cookieFor = async (role: Role) =>
    role === 'anon'
      ? undefined
      : signedInCookie(users[role].id, role === 'admin' ? { secondFactorAt: new Date(Date.now() - 60_000) } : {})
  return { users, params, paramsFor, cookieFor, contract, milestone }
}
export type World = Awaited<ReturnType<typeof createWorld>>

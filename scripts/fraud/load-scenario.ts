import { insertCardAttempt } from '~/models/fraud-alerts.server'
import {
  ensureScenarioConversation,
  ensureScenarioProject,
  findScenarioPayoutMethod,
  insertScenarioAccount,
  insertScenarioContract,
  insertScenarioFlaggedMessage,
  insertScenarioPayout,
  insertScenarioPayoutMethod,
  insertScenarioProposal,
  insertScenarioRelease,
  insertScenarioReview,
  insertScenarioSecurityChange,
  insertScenarioSignIn,
  insertScenarioSignUp,
  insertScenarioSubmission,
} from '~/models/fraud-scenario.server'
import type { Scenario } from '~/services/fraud/scenario-format'
import { runFraudSweep, screenAccount } from '~/services/fraud/screening.server'

/** One thing that happened; `screen` names the account the app screens right after it, if any. */
type Step = { at: number; order: number; store: () => Promise<void>; screen: string | null }

export type LoadSummary = { records: number; screened: number; skipped: number }

const ms = (iso: string) => Date.parse(iso)

/**
 * Stores the scenario in the (fresh, temporary) database through the models, in time order, and
 * after each event the app screens on the spot (sign-in, card attempt, payout request, release,
 * proposal, flagged message) runs the same screening the app runs; then the scheduled sweep once at
 * the scenario's `now`. What ends up in `fraud_alerts` is what an admin would see.
 *
 * Where the file says less than the database needs, the gaps are filled without meaning for the
 * detectors: each contract gets its own project and accepted proposal (a distinct letter, so it is
 * not proposal spam), submissions go on the pair's first contract (or a new one), a payout without a
 * known method gets one from the day the account was made, and projects of the file's proposals
 * belong to its first client. Email changes are skipped: the app records no such event yet.
 */
export async function loadScenario(s: Scenario): Promise<LoadSummary> {
  const roleOf = new Map(s.accounts.map((a) => [a.id, a.role]))
  const createdAt = new Map(s.accounts.map((a) => [a.id, ms(a.createdAt)]))
  const firstOf = (role: 'client' | 'freelancer') => s.accounts.find((a) => a.role === role)?.id
  const anyClient = firstOf('client')
  const anyFreelancer = firstOf('freelancer')
  const steps: Step[] = []
  const add = (at: number, store: () => Promise<void>, screen: string | null = null) =>
    steps.push({ at, order: steps.length, store, screen })
  let skipped = 0

  for (const a of s.accounts) {
    await insertScenarioAccount({ ...a, createdAt: ms(a.createdAt) })
    add(ms(a.createdAt), () =>
      insertScenarioSignUp({ userId: a.id, at: ms(a.createdAt), ip: a.signUpIp, deviceId: a.signUpDevice }),
    )
  }
  for (const x of s.signIns) add(ms(x.at), () => insertScenarioSignIn({ ...x, at: ms(x.at) }), x.userId)
  for (const x of s.cardAttempts)
    add(
      ms(x.at),
      () =>
        insertCardAttempt({
          userId: x.userId,
          paymentId: `scenario-${x.userId}`,
          amountMinor: x.amountMinor,
          currency: 'USD',
          cardFingerprint: x.card,
          ip: x.ip,
          deviceId: x.deviceId,
          ok: x.ok,
          declineReason: x.ok ? null : 'Your card was declined.',
          createdAt: new Date(ms(x.at)),
        }),
      x.userId,
    )
  for (const x of s.payoutMethods)
    add(ms(x.at), async () => void (await insertScenarioPayoutMethod({ ...x, at: ms(x.at) })))
  for (const x of s.payouts)
    add(
      ms(x.at),
      async () => {
        const methodId =
          (await findScenarioPayoutMethod(x.userId, x.destination)) ??
          (await insertScenarioPayoutMethod({
            userId: x.userId,
            at: createdAt.get(x.userId)!,
            destination: x.destination,
          }))
        await insertScenarioPayout({ ...x, methodId, at: ms(x.at) })
      },
      x.userId,
    )

  const contractOfPair = new Map<string, string>()
  const pair = (clientId: string, freelancerId: string) => `${clientId}|${freelancerId}`
  const storeContract = async (id: string, clientId: string, freelancerId: string, at: number) => {
    const projectId = `project-of-${id}`
    await ensureScenarioProject(projectId, clientId, at)
    const proposalId = await insertScenarioProposal({
      projectId,
      freelancerId,
      coverLetter: `Proposal ${id}: ${freelancerId} for ${clientId}.`,
      at,
      status: 'accepted',
    })
    await insertScenarioContract({ id, projectId, proposalId, clientId, freelancerId, at })
    if (!contractOfPair.has(pair(clientId, freelancerId))) contractOfPair.set(pair(clientId, freelancerId), id)
  }
  for (const x of s.contracts) add(ms(x.at), () => storeContract(x.id, x.clientId, x.freelancerId, ms(x.at)))
  for (const x of s.releases)
    add(
      ms(x.releasedAt),
      () => insertScenarioRelease({ ...x, fundedAt: ms(x.fundedAt), releasedAt: ms(x.releasedAt) }),
      x.freelancerId,
    )
  for (const x of s.reviews)
    add(ms(x.at), () =>
      insertScenarioReview({
        ...x,
        at: ms(x.at),
        direction: roleOf.get(x.reviewerId) === 'client' ? 'client_to_freelancer' : 'freelancer_to_client',
      }),
    )
  for (const x of s.submissions)
    add(ms(x.at), async () => {
      let contractId = contractOfPair.get(pair(x.clientId, x.freelancerId))
      if (!contractId) {
        contractId = `delivery-${x.clientId}-${x.freelancerId}`
        await storeContract(contractId, x.clientId, x.freelancerId, ms(x.at))
      }
      await insertScenarioSubmission({ contractId, clientId: x.clientId, at: ms(x.at), disputed: x.disputed })
    })
  for (const x of s.proposals)
    add(
      ms(x.at),
      async () => {
        await ensureScenarioProject(x.projectId, anyClient!, ms(x.at))
        await insertScenarioProposal({ ...x, at: ms(x.at), status: 'submitted' })
      },
      x.freelancerId,
    )
  for (const x of s.messageFlags)
    add(
      ms(x.at),
      async () => {
        const client = roleOf.get(x.userId) === 'client' ? x.userId : anyClient!
        const freelancer = roleOf.get(x.userId) === 'freelancer' ? x.userId : anyFreelancer!
        await ensureScenarioConversation({
          id: x.conversationId,
          clientId: client,
          freelancerId: freelancer,
          at: ms(x.at),
        })
        await insertScenarioFlaggedMessage({ ...x, senderId: x.userId, at: ms(x.at) })
      },
      x.userId,
    )
  for (const x of s.securityChanges) {
    const kind = x.kind
    if (kind === 'email') skipped++
    else add(ms(x.at), () => insertScenarioSecurityChange({ userId: x.userId, at: ms(x.at), kind }))
  }

  steps.sort((a, b) => a.at - b.at || a.order - b.order)
  let screened = 0
  for (const step of steps) {
    await step.store()
    if (!step.screen) continue
    await screenAccount(step.screen, new Date(step.at))
    screened++
  }
  await runFraudSweep(new Date(ms(s.now)))
  return { records: steps.length, screened, skipped }
}

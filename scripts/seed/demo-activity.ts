import { findContract, listMilestones } from '~/models/contracts.server'
import { findProposal } from '~/models/proposals.server'
import { listRecentProjectsOfClient, type Project } from '~/models/projects.server'
import { findUserByEmail, findUserById, listUsersByRole, type User } from '~/models/users.server'
import { performMilestoneAction } from '~/services/marketplace/contracts.server'
import { acceptAndStartContract, submitProposal } from '~/services/marketplace/proposals.server'
import { openConversationFor, sendMessage } from '~/services/messaging/messaging.server'
import { createSandboxMilestonePayment, payMilestoneByCard } from '~/services/payments/ledger/escrow.server'
import { sandboxMoney } from '~/services/payments/cards/sandbox-money.server'

const TEST_CARD = { number: '4242 4242 4242 4242', expiry: '12/40', cvc: '123' }

/**
 * A little marketplace history for the demo accounts, made through the same services the pages
 * use (proposals, contracts, sandbox card payments, messages), so a first visit shows every part
 * of the product at work rather than empty dashboards.
 */
export async function seedDemoActivity(): Promise<string> {
  const [client, freelancer] = await Promise.all([
    findUserByEmail('client@megilance.test'),
    findUserByEmail('freelancer@megilance.test'),
  ])
  if (!client || !freelancer) throw new Error('Seed the demo accounts first')
  const otherClientId = (await listUsersByRole('client')).find((user) => user.id !== client.id)?.id
  const otherFreelancerId = (await listUsersByRole('freelancer')).find((user) => user.id !== freelancer.id)?.id
  const otherClient = otherClientId ? await findUserById(otherClientId) : undefined
  const otherFreelancer = otherFreelancerId ? await findUserById(otherFreelancerId) : undefined
  if (!otherClient || !otherFreelancer) throw new Error('Seed more users first')

  const clientProjects = await openFixedProjects(client.id)
  const otherClientProjects = await openFixedProjects(otherClient.id)
  const [waiting, hiring] = clientProjects
  const [hiredFor] = otherClientProjects
  if (!waiting || !hiring || !hiredFor) return 'Not enough open fixed-price projects for demo activity.'

  // Clara has a proposal to review from Felix, and a contract with work waiting for her approval.
  await propose(waiting, freelancer, 'I have shipped this kind of project twice this year and can start on Monday.')
  // Demo contracts are funded with sandbox money, which never moves next to real money.
  const sandbox = sandboxMoney()
  if (!sandbox.available) return `Demo activity: 1 proposal, no funded contracts. ${sandbox.reason}`
  const started = await hire(hiring, otherFreelancer, client)
  await fundByCard(started, client, 0)
  await act(started, otherFreelancer, 'freelancer', 0, 'submit', {
    note: 'First milestone delivered: the staging link and notes are in our messages.',
  })

  // Felix works for another client: one milestone paid, the next one funded; they talk.
  const hired = await hire(hiredFor, freelancer, otherClient)
  await fundByCard(hired, otherClient, 0)
  await act(hired, freelancer, 'freelancer', 0, 'submit', {
    note: 'Milestone one is done; everything is in the shared repository.',
  })
  await act(hired, otherClient, 'client', 0, 'approve', {})
  await fundByCard(hired, otherClient, 1)
  const conversation = await openConversationFor('contract', hired, freelancer.id)
  if (conversation) {
    await sendMessage({
      conversation,
      sender: otherClient,
      body: 'Thanks for the first milestone. The second one is funded; shall we talk through it on Thursday?',
    })
    await sendMessage({
      conversation,
      sender: freelancer,
      body: 'Thursday works. I will bring a short plan and the open questions.',
    })
  }
  return 'Demo activity: 3 proposals, 2 contracts with milestones funded by sandbox card, one released, and a conversation.'
}

async function openFixedProjects(clientId: string): Promise<Project[]> {
  return (await listRecentProjectsOfClient(clientId, 50)).filter(
    (project) => project.status === 'open' && project.budgetType === 'fixed' && project.visibility === 'public',
  )
}

function asSessionUser(user: Pick<User, 'id' | 'email' | 'name' | 'role'>) {
  return { id: user.id, email: user.email, name: user.name, role: user.role }
}

/** A fixed-price proposal at the top of the budget, split into two milestones. */
async function propose(project: Project, freelancer: User, coverLetter: string): Promise<string> {
  const total = project.budgetMaxMinor
  const first = Math.round(total / 2 / 100) * 100
  const outcome = await submitProposal(project, asSessionUser(freelancer), {
    coverLetter,
    bidMinor: total,
    durationDays: 21,
    milestones: [
      { title: 'Plan and first version', amountMinor: first, dueDate: null },
      { title: 'Finished and handed over', amountMinor: total - first, dueDate: null },
    ],
  })
  if (!outcome.ok) throw new Error('Demo proposal already exists')
  return outcome.proposalId
}

async function hire(project: Project, freelancer: User, client: User): Promise<string> {
  const proposalId = await propose(
    project,
    freelancer,
    'I can take this on right away; the milestones below follow your brief.',
  )
  const found = await findProposal(proposalId)
  if (!found) throw new Error('Demo proposal missing')
  const outcome = await acceptAndStartContract(found, asSessionUser(client), found.proposal.revision)
  if (!outcome.ok) throw new Error(outcome.message)
  return outcome.contractId
}

async function fundByCard(contractId: string, client: User, position: number): Promise<void> {
  const contract = await findContract(contractId)
  const milestone = (await listMilestones(contractId))[position]
  if (!contract || !milestone) throw new Error('Demo contract missing')
  // Demo money is always the sandbox's (seedDemoActivity checked it may move here).
  const payment = await createSandboxMilestonePayment(contract, milestone)
  const outcome = await payMilestoneByCard(payment, contract, TEST_CARD, client.name)
  if (!outcome.ok) throw new Error(outcome.message)
}

async function act(
  contractId: string,
  actor: Pick<User, 'id' | 'name' | 'role'>,
  side: 'client' | 'freelancer',
  position: number,
  action: 'submit' | 'approve',
  input: { note?: string },
): Promise<void> {
  const contract = await findContract(contractId)
  const milestone = (await listMilestones(contractId))[position]
  if (!contract || !milestone) throw new Error('Demo contract missing')
  const outcome = await performMilestoneAction(actor, contract, side, milestone.id, action, input)
  if (!outcome.ok) throw new Error(outcome.message)
}

import { findContract, type Contract } from '~/models/contracts.server'
import { getDb } from '~/models/db.server'
import { findDispute } from '~/models/disputes.server'
import { contracts, disputes, milestones, projects, proposals } from '~/models/schema'
import { createTestUser } from './users'

type DisputeWithSubject = NonNullable<Awaited<ReturnType<typeof findDispute>>>

type ContractExtras = Partial<
  Pick<typeof contracts.$inferInsert, 'status' | 'endedAt' | 'hourlyRateMinor' | 'weeklyLimitHours' | 'createdAt'>
>

type HiredContractInput = {
  clientId: string
  freelancerId: string
  type: 'fixed' | 'hourly'
  title: string
  /** The project's title, when it differs from the contract's. */
  projectTitle?: string
  amountMinor: number
  currency?: string
  contract?: ContractExtras
}

/**
 * A hired project: the project, its accepted proposal and the contract between two existing users,
 * inserted directly (the proposal flow is tested elsewhere). Hourly contracts bid `amountMinor` an hour.
 */
export async function insertHiredContract(input: HiredContractInput): Promise<Contract> {
  const db = getDb()
  const currency = input.currency ?? 'USD'
  const hourly = input.type === 'hourly'
  const projectId = crypto.randomUUID()
  db.insert(projects)
    .values({
      id: projectId,
      clientId: input.clientId,
      title: input.projectTitle ?? input.title,
      description: input.title,
      budgetType: input.type,
      budgetMinMinor: hourly ? input.amountMinor - 1000 : input.amountMinor,
      budgetMaxMinor: hourly ? input.amountMinor + 1000 : input.amountMinor,
      currency,
      experienceLevel: 'expert',
      status: 'closed',
      closeReason: 'hired',
    })
    .run()
  const proposalId = crypto.randomUUID()
  db.insert(proposals)
    .values({
      id: proposalId,
      projectId,
      freelancerId: input.freelancerId,
      coverLetter: 'I can do it.',
      bidType: input.type,
      bidAmountMinor: input.amountMinor,
      currency,
      durationDays: 14,
      status: 'accepted',
    })
    .run()
  const contractId = crypto.randomUUID()
  db.insert(contracts)
    .values({
      id: contractId,
      projectId,
      proposalId,
      clientId: input.clientId,
      freelancerId: input.freelancerId,
      title: input.title,
      type: input.type,
      currency,
      ...(hourly ? { hourlyRateMinor: input.amountMinor } : {}),
      ...input.contract,
    })
    .run()
  const contract = await findContract(contractId)
  if (!contract) throw new Error('contract not inserted')
  return contract
}

/** A new client and a new freelancer (named when given) and a hired contract between them. */
export async function hireBetweenNewUsers(
  terms: Omit<HiredContractInput, 'clientId' | 'freelancerId'>,
  names: { client?: string; freelancer?: string } = {},
) {
  const client = await createTestUser('client', names.client ? { name: names.client } : {})
  const freelancer = await createTestUser('freelancer', names.freelancer ? { name: names.freelancer } : {})
  const contract = await insertHiredContract({ clientId: client.id, freelancerId: freelancer.id, ...terms })
  return { client, freelancer, contract }
}

/** A fixed-price contract with the given milestones; money tests start from here. */
export async function insertFixedContract(input: {
  clientId: string
  freelancerId: string
  currency?: string
  amounts: number[]
  title?: string
  /** Milestone titles; "Part 1", "Part 2", … by default. */
  milestoneTitles?: string[]
  contract?: ContractExtras
}): Promise<{ contract: Contract; milestoneIds: string[] }> {
  const contract = await insertHiredContract({
    ...input,
    type: 'fixed',
    title: input.title ?? 'Landing page',
    amountMinor: input.amounts.reduce((sum, amount) => sum + amount, 0),
  })
  const milestoneIds = input.amounts.map((amountMinor, index) => {
    const id = crypto.randomUUID()
    getDb()
      .insert(milestones)
      .values({
        id,
        contractId: contract.id,
        position: index + 1,
        title: input.milestoneTitles?.[index] ?? `Part ${index + 1}`,
        amountMinor,
      })
      .run()
    return id
  })
  return { contract, milestoneIds }
}

/**
 * A fixed-price USD contract with the given milestones between a new client and a new freelancer
 * (Clara and Felix unless named), each carrying its role as services expect an actor to.
 */
export async function fixedContractBetweenNewUsers(
  amounts: number[],
  options: { names?: { client: string; freelancer: string }; title?: string; milestoneTitles?: string[] } = {},
) {
  const names = options.names ?? { client: 'Clara', freelancer: 'Felix' }
  const client = await createTestUser('client', { name: names.client })
  const freelancer = await createTestUser('freelancer', { name: names.freelancer })
  const { contract, milestoneIds } = await insertFixedContract({
    clientId: client.id,
    freelancerId: freelancer.id,
    amounts,
    title: options.title,
    milestoneTitles: options.milestoneTitles,
  })
  return {
    client: { ...client, role: 'client' as const },
    freelancer: { ...freelancer, role: 'freelancer' as const },
    contract,
    milestoneIds,
  }
}

/**
 * An open dispute over a milestone, inserted directly (opening one is tested in the dispute
 * service), and the admin who will decide it.
 */
export async function insertOpenDispute(input: {
  contractId: string
  milestoneId: string
  openedBy: string
  reason: string
  amountMinor: number
}): Promise<{ dispute: DisputeWithSubject; admin: Awaited<ReturnType<typeof createTestUser>> & { role: 'admin' } }> {
  const id = crypto.randomUUID()
  getDb()
    .insert(disputes)
    .values({ id, ...input })
    .run()
  const dispute = await findDispute(id)
  if (!dispute) throw new Error('dispute not inserted')
  return { dispute, admin: { ...(await createTestUser('admin')), role: 'admin' as const } }
}

/** A milestone already paid out on the contract (reviews and the rank count only paid work). */
export async function insertReleasedMilestone(contractId: string, amountMinor = 30000, at = new Date()) {
  const id = crypto.randomUUID()
  getDb()
    .insert(milestones)
    .values({
      id,
      contractId,
      position: 1,
      title: 'Delivered work',
      amountMinor,
      status: 'released',
      fundedAt: at,
      releasedAt: at,
    })
    .run()
  return id
}

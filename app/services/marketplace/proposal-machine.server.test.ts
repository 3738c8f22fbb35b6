import { PROPOSAL_MACHINE } from '~/domain/proposal-machine'
import { getDb } from '~/models/db.server'
import { findProject, findProposal } from '~/models/proposals.server'
import { projects } from '~/models/schema'
import { walkEveryTransition } from '~/test/state-machine-walk'
import { createParties } from '~/test/state-machine-subjects'
import { closeWithoutHire } from './projects.server'
import {
  acceptAndStartContract,
  declineProposal,
  editProposal,
  shortlistProposal,
  submitProposal,
  withdrawProposal,
} from './proposals.server'

const parties = createParties()
const BID = { coverLetter: 'I have built many of these.', durationDays: 10, milestones: [] }

const found = async (proposalId: string) => (await findProposal(proposalId))!

/** Each subject is the only proposal on its own open fixed-price project. */
async function createProposal(): Promise<string> {
  const { client, freelancer } = await parties
  const projectId = crypto.randomUUID()
  getDb()
    .insert(projects)
    .values({
      id: projectId,
      clientId: client.id,
      title: 'A landing page',
      description: 'One page with a sign-up form',
      budgetType: 'fixed',
      budgetMinMinor: 40_000,
      budgetMaxMinor: 60_000,
      experienceLevel: 'expert',
    })
    .run()
  const submitted = await submitProposal((await findProject(projectId))!, freelancer, { ...BID, bidMinor: 50_000 })
  if (!submitted.ok) throw new Error('not submitted')
  return submitted.proposalId
}

walkEveryTransition('proposal', PROPOSAL_MACHINE, {
  create: createProposal,
  read: async (id) => (await found(id)).proposal,
  take: {
    edit: async (id) => (await editProposal(await found(id), { ...BID, bidMinor: 45_000 })).ok,
    withdraw: async (id) => (await withdrawProposal(await found(id))).ok,
    shortlist: async (id) => (await shortlistProposal(await found(id), true)).ok,
    // Only a shortlisted proposal can come off the shortlist, so it is put on first.
    unshortlist: async (id) => {
      await shortlistProposal(await found(id), true)
      return (await shortlistProposal(await found(id), false)).ok
    },
    decline: async (id) => (await declineProposal(await found(id), 'We chose a different approach')).ok,
    accept: async (id) => {
      const proposal = await found(id)
      return (await acceptAndStartContract(proposal, (await parties).client, proposal.proposal.revision)).ok
    },
    // The platform marks the proposals still waiting as not hired when the client closes the project.
    not_hire: async (id) => {
      const before = (await found(id)).proposal.status
      await closeWithoutHire((await found(id)).project)
      return (await found(id)).proposal.status !== before
    },
  },
})

import { notify } from '~/services/notifications/notify.server'

/** Tells `userId` (the client or the freelancer) what happened to a proposal, with a link to it. */
export async function tellAboutProposal(userId: string, proposalId: string, title: string, body?: string) {
  await notify({ userId, kind: 'proposal_update', title, body, link: `/proposals/${proposalId}` })
}

import './app-env'
import { takeAccountQuota } from '~/services/security/throttle.server'
import { userIdByEmail } from './db-fixtures'
import { createOpenProject, createSubmittedProposal } from './projects-fixtures'

/** An open project of the client with a submitted proposal from the freelancer. */
export async function createProposal(clientEmail: string, freelancerEmail: string) {
  const { projectId, title } = await createOpenProject(clientEmail, {
    title: `Landing page redesign ${crypto.randomUUID().slice(0, 6)}`,
    description: 'A fresh landing page for our product.',
    budgetMinor: 80_000,
  })
  const proposalId = await createSubmittedProposal(projectId, freelancerEmail, {
    amountMinor: 75_000,
    coverLetter: 'I have redesigned many landing pages and would love to do yours.',
    durationDays: 14,
  })
  return { projectId, proposalId, title }
}

/** Uses up the account's messages for the next 10 minutes, as 60 sent just now would have. */
export async function useUpMessageQuota(email: string, role: 'client' | 'freelancer') {
  const account = { id: await userIdByEmail(email), role }
  for (let i = 0; i < 60; i++) await takeAccountQuota('message', account)
}

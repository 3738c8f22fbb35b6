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

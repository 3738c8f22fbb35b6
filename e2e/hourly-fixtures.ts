import './app-env'
import { and, eq } from 'drizzle-orm'
import { getDb } from '~/models/db.server'
import { insertTimeEntry } from '~/models/hourly.server'
import { findContract, runHourlyCharging, sendWeeklyInvoice } from '~/services/marketplace/hourly.server'
import { invoices } from '~/models/schema'
import { startContract } from './contract-fixtures'
import { userIdByEmail } from './db-fixtures'
import { createOpenProject, createSubmittedProposal } from './projects-fixtures'

const DAY_MS = 86_400_000

function isoDay(date: Date) {
  return date.toISOString().slice(0, 10)
}

/**
 * An active hourly contract ($40 an hour, up to 20 h a week) between two existing users, made the
 * way the app makes one (project, proposal, acceptance), with `lastWeekMinutes` already logged on
 * the Tuesday of last week (so that week can be invoiced now).
 */
export async function createHourlyContract(clientEmail: string, freelancerEmail: string, lastWeekMinutes = 150) {
  const { projectId, title } = await createOpenProject(clientEmail, {
    title: `Hourly support ${crypto.randomUUID().slice(0, 6)}`,
    description: 'Ongoing support for our API.',
    budgetType: 'hourly',
    budgetMinMinor: 3000,
    budgetMinor: 5000,
    experienceLevel: 'expert',
  })
  const proposalId = await createSubmittedProposal(projectId, freelancerEmail, {
    amountMinor: 4000,
    coverLetter: 'I can help with this for as long as you need.',
    durationDays: 30,
  })
  const contractId = await startContract(proposalId, await userIdByEmail(clientEmail), 20)
  const sinceMonday = (new Date().getUTCDay() + 6) % 7
  await insertTimeEntry({
    contractId,
    workDate: isoDay(new Date(Date.now() - (sinceMonday + 6) * DAY_MS)),
    minutes: lastWeekMinutes,
    memo: 'Set up monitoring',
  })
  return { contractId, title, lastWeekStart: isoDay(new Date(Date.now() - (sinceMonday + 7) * DAY_MS)) }
}

/** Invoices the contract's week starting `weekStart`, as the freelancer's "Send invoice" button does. */
export async function sendInvoice(contractId: string, weekStart: string) {
  const contract = await findContract(contractId)
  if (!contract || !(await sendWeeklyInvoice(contract, weekStart, contract.freelancerId)))
    throw new Error(`No invoice for the week of ${weekStart} on ${contractId}`)
}

/**
 * Moves the clock past the 5-day review of the contract's pending invoices (as if the client never
 * answered): only time changes, so this one fixture writes the due date itself.
 */
export async function endInvoiceReview(contractId: string) {
  getDb()
    .update(invoices)
    .set({ reviewDueAt: new Date(Date.now() - 60_000) })
    .where(and(eq(invoices.contractId, contractId), eq(invoices.status, 'pending')))
    .run()
}

/**
 * Runs the hourly-charging job once against the e2e database, in this process as the server's
 * scheduler runs it (a second Node process compiling the app took seconds; the `npm run job`
 * command around jobs is run as a process in recording-live.spec.ts).
 */
export function runHourlyChargingJob() {
  return runHourlyCharging(new Date())
}

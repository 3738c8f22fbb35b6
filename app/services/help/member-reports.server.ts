/**
 * Members' reports: the "Report" link under a project, profile, proposal or conversation opens the
 * contact form at "Report a scam or abuse" naming the page. Sent by a signed-in member, the report is
 * a contact request (the admins' inbox) and evidence on one fraud-desk alert per reported person, so
 * an admin deciding fraud sees every report about them, linked to the pages and the people.
 */
import { linkContactRequestToAlert, type ContactRequest } from '~/models/contact-requests.server'
import { findConversation } from '~/models/conversations.server'
import { findLatestAlertAbout, upsertFraudAlertSync } from '~/models/fraud-alerts.server'
import { findPublicUser } from '~/models/profiles.server'
import { findProposal } from '~/models/proposals.server'
import { findUserById, type SessionUser } from '~/models/users.server'
import { memberReportsOf, OPEN_FRAUD_ALERT_STATUSES, severityOf, type MemberReport } from '~/domain/fraud-alerts'
import { publishAdminFraudAlert } from '~/services/messaging/live.server'
import { FRAUD_CONFIG } from '~/services/fraud/fraud-config'
import { NotFound } from '~/services/domain-errors'
import { requireVisibleProject } from '~/services/marketplace/projects.server'
import { formatDate } from '~/utils/format'

/** What a report is about: the page, the person it points at, and both in words. */
export type ReportTarget = {
  aboutPath: string
  subjectId: string
  subjectName: string
  /** "the project “Logo for a bakery”", "the profile of Ann Lee", "messages from Ann Lee". */
  what: string
  /** How the reporter's own thing is called, for the refusal to report oneself: "your own project". */
  own: string
}

async function nameOf(userId: string): Promise<string | null> {
  return (await findUserById(userId))?.name ?? null
}

/**
 * The person behind a reportable page, as `reporter` may see it: a project's client (a project the
 * reporter may open: an invite-only or hidden one stays unknown, as its page does), a profile's
 * person (not a blocked account's, whose profile is gone), the freelancer of a proposal to the
 * reporter's project, the other side of the reporter's conversation. Null when the page is none of
 * these or not theirs to see (the report stays a plain contact request, and names nothing).
 */
export async function findReportTarget(
  aboutPath: string,
  reporter: Pick<SessionUser, 'id' | 'role'>,
): Promise<ReportTarget | null> {
  const [, section, id, more] = aboutPath.split('/')
  if (!id || more !== undefined) return null
  if (section === 'projects') {
    const project = await visibleProject(id, reporter)
    const name = project && (await nameOf(project.clientId))
    if (!project || !name) return null
    const what = `the project “${project.title}”`
    return { aboutPath, subjectId: project.clientId, subjectName: name, what, own: 'your own project' }
  }
  if (section === 'freelancers' || section === 'clients') {
    const user = await findPublicUser(id, section === 'freelancers' ? 'freelancer' : 'client')
    if (!user) return null
    return {
      aboutPath,
      subjectId: user.id,
      subjectName: user.name,
      what: `the profile of ${user.name}`,
      own: 'your own profile',
    }
  }
  if (section === 'proposals') {
    const found = await findProposal(id)
    if (!found || ![found.project.clientId, found.proposal.freelancerId].includes(reporter.id)) return null
    const what = `the proposal of ${found.freelancerName} to “${found.project.title}”`
    const subjectId = found.proposal.freelancerId
    return { aboutPath, subjectId, subjectName: found.freelancerName ?? '', what, own: 'your own proposal' }
  }
  if (section === 'messages') {
    const conversation = await findConversation(id)
    if (!conversation || ![conversation.clientId, conversation.freelancerId].includes(reporter.id)) return null
    const subjectId = conversation.clientId === reporter.id ? conversation.freelancerId : conversation.clientId
    const name = await nameOf(subjectId)
    if (!name) return null
    return { aboutPath, subjectId, subjectName: name, what: `messages from ${name}`, own: 'your own messages' }
  }
  return null
}

/** The project when its page would open for `viewer`, else null (never its title). */
async function visibleProject(projectId: string, viewer: Pick<SessionUser, 'id' | 'role'>) {
  try {
    return await requireVisibleProject(projectId, viewer)
  } catch (error) {
    if (error instanceof NotFound) return null
    throw error
  }
}

function reportScore(reporters: number): number {
  const { points, maxScore } = FRAUD_CONFIG.memberReports
  return Math.min(maxScore, points.first + points.perFurtherReporter * (reporters - 1))
}

/**
 * Adds a member's report to the reported person's open "Reported by members" alert, raising it when
 * there is none (or the last one was decided: new reports after a decision are a new alert). The
 * same member reporting the same page again counts once. Returns the alert's id.
 */
export async function addReportToFraudDesk(
  request: ContactRequest,
  target: ReportTarget,
  reporterId: string,
  now = new Date(),
): Promise<string> {
  const latest = await findLatestAlertAbout('member_reports', target.subjectId)
  const open = latest && (OPEN_FRAUD_ALERT_STATUSES as readonly string[]).includes(latest.status) ? latest : null
  const key = open ? open.idempotencyKey : `member_reports:${target.subjectId}${latest ? `:after:${latest.id}` : ''}`
  const earlier = open ? memberReportsOf(open.evidence.data) : []
  const report: MemberReport = {
    requestId: request.id,
    reporterId,
    reporterName: (await nameOf(reporterId)) ?? request.name,
    aboutPath: target.aboutPath,
    what: target.what,
    at: now.toISOString(),
  }
  const reports = [...earlier.filter((r) => !(r.reporterId === reporterId && r.aboutPath === target.aboutPath)), report]
  const reporters = new Set(reports.map((r) => r.reporterId)).size
  const score = reportScore(reporters)
  const words = [
    `${reporters === 1 ? '1 member' : `${reporters} members`} reported ${target.subjectName}; the reports are in the contact requests, linked below.`,
    ...reports.map((r) => `${r.reporterName} reported ${r.what} on ${formatDate(r.at)}.`),
  ]
  const { id, outcome } = upsertFraudAlertSync(
    {
      type: 'member_reports',
      key,
      score,
      severity: severityOf(score),
      accounts: [target.subjectId],
      evidence: { words, data: { reports } },
    },
    now,
  )
  await linkContactRequestToAlert(request.id, id)
  if (outcome === 'raised' || outcome === 'updated')
    publishAdminFraudAlert({ type: 'fraud-alert', alertId: id, change: outcome })
  return id
}

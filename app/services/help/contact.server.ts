import {
  appendToOpenContactRequest,
  findContactRequest,
  findOpenReportBy,
  findSentEmails,
  insertContactRequest,
  listContactRequests,
  markContactRequestAnswered,
  type ContactRequest,
  type ContactStatus,
} from '~/models/contact-requests.server'
import { findUserById, listUsersByRole, type SessionUser } from '~/models/users.server'
import { sendEmail, type EmailMessage } from '~/services/email/mailer.server'
import { requireQuota } from '~/services/security/throttle.server'
import { siteOrigin } from '~/utils/env.server'
import { contactTopicLabel, reportedPath, withoutAboutLine } from './contact-topics'
import { addReportToFraudDesk, findReportTarget, type ReportTarget } from './member-reports.server'
import { asOneLine } from '~/domain/one-line'

const signature = '\n\n— MegiLance'

function appUrl(path: string): string {
  return new URL(path, siteOrigin()).toString()
}

/** A short reference for the request; the reply's subject carries it so the reply can be found again. */
function contactReference(id: string): string {
  return `#${id.slice(0, 8)}`
}

function newContactRequestEmail(
  to: string,
  request: ContactRequest,
  report: { target: ReportTarget; alertId: string } | null,
): EmailMessage {
  const reported = report
    ? `They report ${report.target.what}: ${appUrl(report.target.aboutPath)}\n` +
      `Every report about ${report.target.subjectName} on the fraud desk: ${appUrl(`/admin/fraud/${report.alertId}`)}\n\n`
    : ''
  return {
    kind: 'contact_request',
    to,
    subject: `Contact request ${contactReference(request.id)}: ${contactTopicLabel(request.topic)} — ${asOneLine(request.name)}`,
    text:
      `${asOneLine(request.name)} <${request.email}> wrote about "${contactTopicLabel(request.topic)}":\n\n${request.message}\n\n` +
      reported +
      `Answer it here: ${appUrl(`/admin/contact-requests/${request.id}`)}${signature}`,
  }
}

function contactReplyEmail(request: ContactRequest, reply: string): EmailMessage {
  const quoted = request.message
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n')
  return {
    kind: 'contact_reply',
    to: request.email,
    subject: `Re: your question to MegiLance (${contactReference(request.id)})`,
    text: `Hello ${asOneLine(request.name)},\n\n${reply}\n\nYou wrote:\n${quoted}${signature}`,
  }
}

export type ContactOutcome =
  | { ok: true; request: ContactRequest; folded: boolean }
  | { ok: false; reason: 'invalid'; field: 'about'; message: string }

/**
 * Stores a question from the contact form and emails the admins. Anyone may write, so it is a
 * quota ('contact-form'): past it, Throttled (429 with Retry-After), and nothing is stored or sent.
 *
 * A signed-in member's "Report a scam or abuse" about a page of the site (`about`) is also a report:
 * it names the person behind the page and goes onto their fraud-desk alert. Nobody may report their
 * own page, and a member reporting the same page again while their report is open adds to it (no
 * second request, no second email to the admins).
 */
export async function submitContactRequest(
  input: { name: string; email: string; topic: string; message: string; about?: string | undefined },
  sender: Pick<SessionUser, 'id' | 'role'> | null,
  ip: string | null = null,
  now = new Date(),
): Promise<ContactOutcome> {
  const userId = sender?.id ?? null
  await requireQuota('contact-form', { userId, email: input.email, ip }, now)
  const aboutPath = reportedPath(input.about ?? null)
  const report = input.topic === 'safety' && sender && aboutPath ? { userId: sender.id, aboutPath } : null
  const target = report && sender ? await findReportTarget(report.aboutPath, sender) : null
  if (target && target.subjectId === userId)
    return { ok: false, reason: 'invalid', field: 'about', message: `You cannot report ${target.own}.` }
  if (report) {
    const earlier = await findOpenReportBy(report.userId, report.aboutPath)
    const added = withoutAboutLine(input.message, report.aboutPath) || '(the page reported again, no new words)'
    const addition = `\n\n— Added on ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC:\n${added}`
    if (earlier && (await appendToOpenContactRequest(earlier.id, addition)))
      return { ok: true, request: earlier, folded: true }
  }
  const { about: _about, ...fields } = input
  const request = await insertContactRequest({ ...fields, userId, aboutPath, subjectId: target?.subjectId ?? null })
  const alertId = target && userId ? await addReportToFraudDesk(request, target, userId, now) : null
  for (const admin of await listUsersByRole('admin'))
    await sendEmail(newContactRequestEmail(admin.email, request, target && alertId ? { target, alertId } : null))
  return { ok: true, request, folded: false }
}

export async function loadContactRequests(status: ContactStatus, page: number, pageSize: number) {
  const { rows, total } = await listContactRequests(status, { limit: pageSize, offset: (page - 1) * pageSize })
  return {
    rows: rows.map((row) => ({
      ...row,
      topicLabel: contactTopicLabel(row.topic),
      reference: contactReference(row.id),
    })),
    total,
  }
}

export async function loadContactRequest(id: string) {
  const request = await findContactRequest(id)
  if (!request) return null
  const [replies, subject] = await Promise.all([
    findSentEmails(request.email, `(${contactReference(request.id)})`),
    request.subjectId ? findUserById(request.subjectId) : undefined,
  ])
  return {
    request: { ...request, topicLabel: contactTopicLabel(request.topic), reference: contactReference(request.id) },
    subjectName: subject?.name ?? null,
    replies,
  }
}

/** Marks the request answered and emails the reply, once; a second answer is refused. */
export async function answerContactRequest(
  request: ContactRequest,
  reply: string,
): Promise<{ ok: true } | { ok: false; reason: 'conflict'; message: string }> {
  if (!(await markContactRequestAnswered(request.id))) {
    return {
      ok: false,
      reason: 'conflict',
      message: 'This request is already answered; its reply was emailed to the requester.',
    }
  }
  await sendEmail(contactReplyEmail(request, reply))
  return { ok: true }
}

import {
  findContactRequest,
  findSentEmails,
  insertContactRequest,
  listContactRequests,
  markContactRequestAnswered,
  type ContactRequest,
  type ContactStatus,
} from '~/models/contact-requests.server'
import { listUsersByRole } from '~/models/users.server'
import { sendEmail, type EmailMessage } from '~/services/email/mailer.server'
import { requireQuota } from '~/services/security/throttle.server'
import { siteOrigin } from '~/utils/env.server'
import { contactTopicLabel } from './contact-topics'
import { asOneLine } from '~/domain/one-line'

const signature = '\n\n— MegiLance'

function appUrl(path: string): string {
  return new URL(path, siteOrigin()).toString()
}

/** A short reference for the request; the reply's subject carries it so the reply can be found again. */
function contactReference(id: string): string {
  return `#${id.slice(0, 8)}`
}

function newContactRequestEmail(to: string, request: ContactRequest): EmailMessage {
  return {
    kind: 'contact_request',
    to,
    subject: `Contact request ${contactReference(request.id)}: ${contactTopicLabel(request.topic)} — ${asOneLine(request.name)}`,
    text:
      `${asOneLine(request.name)} <${request.email}> wrote about "${contactTopicLabel(request.topic)}":\n\n${request.message}\n\n` +
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

/**
 * Stores a question from the contact form and emails the admins. Anyone may write, so it is a
 * quota ('contact-form'): past it, Throttled (429 with Retry-After), and nothing is stored or sent.
 */
export async function submitContactRequest(
  input: { name: string; email: string; topic: string; message: string },
  userId: string | null,
  ip: string | null = null,
  now = new Date(),
) {
  await requireQuota('contact-form', { userId, email: input.email, ip }, now)
  const request = await insertContactRequest({ ...input, userId })
  for (const admin of await listUsersByRole('admin')) await sendEmail(newContactRequestEmail(admin.email, request))
  return request
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
  const replies = await findSentEmails(request.email, `(${contactReference(request.id)})`)
  return {
    request: { ...request, topicLabel: contactTopicLabel(request.topic), reference: contactReference(request.id) },
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

import { describe, expect, it } from 'vitest'
import { listOutbox } from '~/models/outbox.server'
import { loader as attachmentLoader } from '~/routes/_portal.admin.outbox.$messageId_.attachments.$index'
import { outboxTransport, sendEmail } from '~/services/email/mailer.server'
import { getRequest, run } from './requests'
import { createTestUser, signedInCookie } from './users'

describe('/admin/outbox/$messageId/attachments/$index', () => {
  it('gives admins the file as it was sent, and 404 for a missing one; others are refused', async () => {
    const content = 'BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nEND:VCALENDAR'
    await sendEmail(
      {
        kind: 'notification',
        to: 'kim@example.com',
        subject: 'Meeting cancelled',
        text: 'See the file.',
        attachments: [{ filename: 'cancel.ics', contentType: 'text/calendar; charset=utf-8; method=CANCEL', content }],
      },
      outboxTransport,
    )
    const { rows } = await listOutbox({ to: 'kim@example.com', page: 1, pageSize: 1 })
    const messageId = rows[0]!.id
    const admin = await createTestUser('admin')
    const cookie = await signedInCookie(admin.id, { secondFactorAt: new Date() })
    const path = `/admin/outbox/${messageId}/attachments/0`
    const file = await run(attachmentLoader, getRequest(path, cookie), { messageId, index: '0' })
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('text/calendar; charset=utf-8; method=CANCEL')
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="cancel.ics"')
    expect(await file.text()).toBe(content)
    expect((await run(attachmentLoader, getRequest(path, cookie), { messageId, index: '1' })).status).toBe(404)
    const client = await signedInCookie((await createTestUser('client')).id)
    expect((await run(attachmentLoader, getRequest(path, client), { messageId, index: '0' })).status).toBe(403)
  })
})

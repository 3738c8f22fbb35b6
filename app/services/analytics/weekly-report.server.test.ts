import { describe, expect, it } from 'vitest'
import { listOutbox } from '~/models/outbox.server'
import { PLATFORM_OWNER, writeLedgerTransaction } from '~/models/ledger.server'
import { pdfText } from '~/test/pdf-text'
import { createTestUser } from '~/test/users'
import { lastWholeWeek, runWeeklyAnalyticsReport, setWeeklyReport } from './weekly-report.server'

describe('weekly analytics report', () => {
  it('mails last week’s PDF to each opted-in admin once, however often the job runs', async () => {
    const admin = await createTestUser('admin', { email: 'weekly-admin@test.example' })
    const other = await createTestUser('admin')
    await setWeeklyReport(admin.id, true)
    // 12.34 of fees on Wednesday 2 Dec 2026; the job runs on Monday 7 Dec.
    writeLedgerTransaction({
      idempotencyKey: 'weekly-fee',
      kind: 'escrow.release',
      description: 'fee',
      lines: [
        { account: { kind: 'clearing_card', ownerId: PLATFORM_OWNER, currency: 'USD' }, amountMinor: -1_234 },
        { account: { kind: 'platform_revenue', ownerId: PLATFORM_OWNER, currency: 'USD' }, amountMinor: 1_234 },
      ],
      at: new Date('2026-12-02T09:00:00Z'),
    })
    const monday = new Date('2026-12-07T06:00:00Z')
    expect(lastWholeWeek(monday, 'UTC')).toEqual({ from: '2026-11-30', to: '2026-12-06' })
    expect(await runWeeklyAnalyticsReport(monday)).toEqual({ sent: 1 })
    expect(await runWeeklyAnalyticsReport(new Date('2026-12-07T07:00:00Z'))).toEqual({ sent: 0 })

    const { rows } = await listOutbox({ to: admin.email, page: 1, pageSize: 10 })
    expect(rows).toHaveLength(1)
    expect((await listOutbox({ to: other.email, page: 1, pageSize: 10 })).rows).toHaveLength(0)
    const [attachment] = rows[0]!.attachments!
    expect(attachment).toMatchObject({ contentType: 'application/pdf', encoding: 'base64' })
    const text = await pdfText(new Uint8Array(Buffer.from(attachment!.content, 'base64')))
    expect(text).toContain('30 Nov 2026 – 6 Dec 2026')
    expect(text).toContain('$12.34')
  })
})

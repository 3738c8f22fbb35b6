import fs from 'node:fs'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '~/models/db.server'
import { disputes, milestones, uploads } from '~/models/schema'
import { action as openAction } from '~/routes/_portal.contracts_.$contractId.milestones.$milestoneId.dispute'
import { action as disputeAction, loader as disputeLoader } from '~/routes/_portal.disputes.$disputeId'
import { keepUploadsIf, storeUpload, uploadsDir } from '~/services/files/uploads.server'
import { createFixedContract } from './fixed-contract'
import { getRequest, run } from './requests'
import { createTestUser, passStepUpNow, signedInCookie } from './users'

function multipart(
  path: string,
  cookie: string,
  fields: Record<string, string>,
  file?: { name: string; text: string },
) {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) form.set(name, value)
  if (file) form.set('file', new File([file.text], file.name, { type: 'text/plain' }))
  return new Request(`http://localhost${path}`, { method: 'POST', headers: { cookie }, body: form })
}

/** What the uploads directory and table hold for this user: both must stay empty after a refusal. */
function storedFilesOf(ownerId: string) {
  const rows = getDb().select().from(uploads).where(eq(uploads.ownerId, ownerId)).all()
  const dir = uploadsDir()
  const entries = fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true }) as string[]) : []
  const onDisk = entries.filter((entry) => fs.statSync(path.join(dir, entry)).isFile())
  return {
    rows: rows.map((row) => row.id),
    files: rows.filter((row) => onDisk.some((entry) => entry.endsWith(row.id))).length,
    onDisk: onDisk.length,
  }
}

const evidence = { name: 'timeline.txt', text: 'Day 1: nothing delivered.' }

async function setup() {
  const { client, freelancer, contract, milestone } = await createFixedContract()
  const params = { contractId: contract.id, milestoneId: milestone.id }
  const path = `/contracts/${contract.id}/milestones/${milestone.id}/dispute`
  return {
    client,
    freelancer,
    contract,
    milestone,
    params,
    path,
    clientCookie: await signedInCookie(client.id),
    freelancerCookie: await signedInCookie(freelancer.id),
  }
}

describe('dispute evidence files', () => {
  it('are not stored when the dispute is refused: not a party, nothing in escrow, or one already open', async () => {
    const { milestone, params, path, clientCookie, client } = await setup()
    const before = storedFilesOf(client.id).onDisk

    // Nothing is in escrow yet: refused before the file is written.
    const notFunded = await run(
      openAction,
      multipart(path, clientCookie, { reason: 'The work never came, not one file' }, evidence),
      params,
    )
    expect(notFunded.status).toBe(409)
    expect(storedFilesOf(client.id)).toEqual({ rows: [], files: 0, onDisk: before })

    // Someone outside the contract.
    const stranger = await createTestUser('client')
    const outside = await run(
      openAction,
      multipart(path, await signedInCookie(stranger.id), { reason: 'Not mine to dispute at all, really' }, evidence),
      params,
    )
    expect(outside.status).toBe(404)
    expect(storedFilesOf(stranger.id)).toEqual({ rows: [], files: 0, onDisk: before })

    getDb().update(milestones).set({ status: 'funded' }).where(eq(milestones.id, milestone.id)).run()
    const opened = await run(
      openAction,
      multipart(path, clientCookie, { reason: 'The work never came, not one file' }, evidence),
      params,
    )
    expect(opened.status).toBe(302)
    const kept = storedFilesOf(client.id)
    expect(kept.rows).toHaveLength(1)
    expect(kept.files).toBe(1)

    // A second dispute on the same milestone is refused and leaves nothing more behind.
    const again = await run(
      openAction,
      multipart(path, clientCookie, { reason: 'Once more: the work never came' }, evidence),
      params,
    )
    expect(again.status).toBe(409)
    expect(storedFilesOf(client.id)).toEqual(kept)
  })

  it('are not stored with a refused response: the opener, a second response', async () => {
    const { client, freelancer, milestone, params, path, clientCookie, freelancerCookie } = await setup()
    getDb().update(milestones).set({ status: 'submitted' }).where(eq(milestones.id, milestone.id)).run()
    expect(
      (
        await run(
          openAction,
          multipart(path, clientCookie, { reason: 'Half of it is missing from the delivery' }),
          params,
        )
      ).status,
    ).toBe(302)
    const [dispute] = getDb().select().from(disputes).where(eq(disputes.milestoneId, milestone.id)).all()
    const disputePath = `/disputes/${dispute!.id}`
    const respond = (cookie: string) =>
      multipart(disputePath, cookie, { intent: 'respond', response: 'Everything was delivered on time.' }, evidence)

    expect((await run(disputeAction, respond(clientCookie), { disputeId: dispute!.id })).status).toBe(409)
    expect(storedFilesOf(client.id).rows).toEqual([])

    expect((await run(disputeAction, respond(freelancerCookie), { disputeId: dispute!.id })).status).toBe(302)
    const kept = storedFilesOf(freelancer.id)
    expect(kept.files).toBe(1)
    expect((await run(disputeAction, respond(freelancerCookie), { disputeId: dispute!.id })).status).toBe(409)
    expect(storedFilesOf(freelancer.id)).toEqual(kept)
  })

  it('are removed again when the write that uses them refuses or fails', async () => {
    const owner = await createTestUser('client')
    const store = async () =>
      (
        await storeUpload({
          ownerId: owner.id,
          purpose: 'dispute',
          file: new File(['notes'], 'notes.txt'),
          allowedTypes: ['text/plain'],
          maxBytes: 1000,
        })
      ).id
    const before = storedFilesOf(owner.id).onDisk

    const refused = await store()
    expect(await keepUploadsIf([refused], async () => undefined, Boolean)).toBeUndefined()
    const failed = await store()
    await expect(keepUploadsIf([failed], () => Promise.reject(new Error('database is locked')))).rejects.toThrow(
      'database is locked',
    )
    expect(storedFilesOf(owner.id)).toEqual({ rows: [], files: 0, onDisk: before })

    const used = await store()
    expect(await keepUploadsIf([used], async () => 'saved')).toBe('saved')
    expect(storedFilesOf(owner.id)).toMatchObject({ rows: [used], files: 1 })
  })
})

describe('an admin’s split', () => {
  it('needs a second factor from the last 10 minutes: an older one is sent to confirm it and back', async () => {
    const { milestone, params, path, clientCookie } = await setup()
    getDb().update(milestones).set({ status: 'submitted' }).where(eq(milestones.id, milestone.id)).run()
    await run(openAction, multipart(path, clientCookie, { reason: 'Half of it is missing from the delivery' }), params)
    const [dispute] = getDb().select().from(disputes).where(eq(disputes.milestoneId, milestone.id)).all()
    const hourAgo = new Date(Date.now() - 60 * 60_000)
    const admin = await signedInCookie((await createTestUser('admin')).id, { secondFactorAt: hourAgo })
    const fields = { intent: 'decide', decision: 'refund', reason: 'Nothing usable was delivered, so all is refunded.' }
    const page = `/disputes/${dispute!.id}`
    const response = await run(disputeAction, multipart(page, admin, fields), { disputeId: dispute!.id })
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe(
      `/settings/security/verify?${new URLSearchParams({ redirectTo: page })}`,
    )
    expect(getDb().select().from(disputes).where(eq(disputes.id, dispute!.id)).get()?.status).toBe('open')

    // Once confirmed, the page shows the decision as it was typed (not recorded), once.
    await passStepUpNow(admin)
    const shown = async () => (await run(disputeLoader, getRequest(page, admin), { disputeId: dispute!.id })).json()
    expect((await shown()).kept).toEqual({ formId: 'decide', reply: { initialValue: fields } })
    expect((await shown()).kept).toBeNull()
    expect(getDb().select().from(disputes).where(eq(disputes.id, dispute!.id)).get()?.status).toBe('open')
  })

  it('reads the freelancer’s share as typed, naming the currency’s decimal limit when it has too many', async () => {
    const { milestone, params, path, clientCookie } = await setup()
    getDb().update(milestones).set({ status: 'submitted' }).where(eq(milestones.id, milestone.id)).run()
    await run(openAction, multipart(path, clientCookie, { reason: 'Half of it is missing from the delivery' }), params)
    const [dispute] = getDb().select().from(disputes).where(eq(disputes.milestoneId, milestone.id)).all()
    const admin = await signedInCookie((await createTestUser('admin')).id, { secondFactorAt: new Date() })
    const decide = (freelancerShare: string) =>
      run(
        disputeAction,
        multipart(`/disputes/${dispute!.id}`, admin, {
          intent: 'decide',
          decision: 'split',
          freelancerShare,
          reason: 'Half of the pages were delivered, so half is paid.',
        }),
        { disputeId: dispute!.id },
      )
    for (const [share, message] of [
      ['10.005', 'USD amounts have at most 2 decimals'],
      ['1,00', 'Enter an amount such as 120 or 120.50'],
    ]) {
      const refused = await decide(share!)
      expect(refused.status).toBe(400)
      expect((await refused.json()).error.freelancerShare).toEqual([message])
    }
    // A short reason and a bad share are refused in one answer, not one after the other.
    const both = await run(
      disputeAction,
      multipart(`/disputes/${dispute!.id}`, admin, {
        intent: 'decide',
        decision: 'split',
        freelancerShare: 'lots',
        reason: 'Half',
      }),
      { disputeId: dispute!.id },
    )
    expect(both.status).toBe(400)
    const { error } = (await both.json()) as { error: Record<string, string[]> }
    expect(error).toEqual({
      freelancerShare: ['Enter an amount such as 120 or 120.50'],
      reason: ['Write the reason both sides will read (at least 20 characters)'],
    })
  })
})

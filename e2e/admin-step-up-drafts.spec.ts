import { eq } from 'drizzle-orm'
import { getDb } from '~/models/db.server'
import { disputes, milestones } from '~/models/schema'
import { createFixedContract } from './contract-fixtures'
import { insertSessionCookie, userIdByEmail } from './db-fixtures'
import { confirmWithEmailCode, DEMO_ACCOUNTS, expect, expectPath, makeUser, newBrowserContext, test } from './fixtures'
import { signUpWithoutForm } from './user-fixtures'

/** An open dispute over the first milestone of a new contract between two new accounts, opened by the client. */
async function openDispute(
  page: Parameters<typeof signUpWithoutForm>[0],
  testInfo: Parameters<typeof signUpWithoutForm>[1],
) {
  const client = await signUpWithoutForm(page, testInfo, makeUser('client'))
  const freelancer = await signUpWithoutForm(page, testInfo, makeUser('freelancer'))
  const { contractId } = await createFixedContract(client.email, freelancer.email, {
    milestones: [{ title: 'Checkout pages', amountMinor: 40_000 }],
  })
  const [milestone] = getDb().select().from(milestones).where(eq(milestones.contractId, contractId)).all()
  const id = crypto.randomUUID()
  getDb()
    .insert(disputes)
    .values({
      id,
      contractId,
      milestoneId: milestone!.id,
      openedBy: await userIdByEmail(client.email),
      amountMinor: 40_000,
      reason: 'Half of the pages are missing from the delivery.',
    })
    .run()
  return `/disputes/${id}`
}

test('an admin’s dispute decision sent without a recent second factor is still typed in after confirming one', async ({
  page,
  browser,
}, testInfo) => {
  const disputePage = await openDispute(page, testInfo)
  const context = await newBrowserContext(browser, testInfo)
  const hourAgo = new Date(Date.now() - 60 * 60_000)
  await context.addCookies([
    await insertSessionCookie(DEMO_ACCOUNTS.admin.email, testInfo.project.use.baseURL!, hourAgo),
  ])
  const admin = await context.newPage()
  await admin.goto(disputePage)

  const reason = 'Half of the pages were delivered, so half of the money goes to each side.'
  await admin.getByRole('radio', { name: 'Split between them' }).check()
  await admin.getByLabel('Freelancer’s share (for a split)').fill('200')
  await admin.getByLabel('Reason both sides will read').fill(reason)
  await admin.getByRole('button', { name: 'Record decision' }).click()
  await expectPath(admin, '/settings/security/verify')
  await confirmWithEmailCode(admin, DEMO_ACCOUNTS.admin.email)

  // Back on the dispute, nothing is decided and the decision is as it was typed, for one more press.
  await expectPath(admin, disputePage)
  await expect(admin.getByRole('radio', { name: 'Split between them' })).toBeChecked()
  await expect(admin.getByLabel('Freelancer’s share (for a split)')).toHaveValue('200')
  await expect(admin.getByLabel('Reason both sides will read')).toHaveValue(reason)
  await expect(admin.getByRole('button', { name: 'Record decision' })).toBeVisible()

  // Once only: a reload shows the form empty.
  await admin.reload()
  await expect(admin.getByLabel('Reason both sides will read')).toHaveValue('')
  await context.close()
})

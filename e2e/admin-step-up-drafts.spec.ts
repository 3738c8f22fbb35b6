import { eq } from 'drizzle-orm'
import { getDb } from '~/models/db.server'
import { disputes, milestones } from '~/models/schema'
import { createFixedContract } from './contract-fixtures'
import { insertSessionCookie, userIdByEmail } from './db-fixtures'
import {
  confirmWithEmailCode,
  DEMO_ACCOUNTS,
  expect,
  expectPath,
  makeUser,
  newBrowserContext,
  test,
  toast,
} from './fixtures'
import { signUpWithoutForm } from './user-fixtures'
import { plantCardTestingRun } from './fraud-fixtures'
import { giveWalletAndCryptoMethod } from './payout-fixtures'

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

/** A page of a new browser signed in as the seeded admin, whose second factor is an hour old. */
async function staleAdminPage(
  browser: Parameters<typeof newBrowserContext>[0],
  testInfo: Parameters<typeof newBrowserContext>[1],
) {
  const context = await newBrowserContext(browser, testInfo)
  const hourAgo = new Date(Date.now() - 60 * 60_000)
  await context.addCookies([
    await insertSessionCookie(DEMO_ACCOUNTS.admin.email, testInfo.project.use.baseURL!, hourAgo),
  ])
  return { context, admin: await context.newPage() }
}

test('an admin’s payout hold and fraud-desk note sent without a recent second factor are still typed in after confirming one', async ({
  page,
  browser,
}, testInfo) => {
  const freelancer = await signUpWithoutForm(page, testInfo, makeUser('freelancer'))
  await giveWalletAndCryptoMethod(freelancer.email, 30_000, '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045')
  await page.context().addCookies([await insertSessionCookie(freelancer.email, testInfo.project.use.baseURL!)])
  await page.goto('/payouts')
  await page.getByLabel('Amount').fill('120')
  await page.getByRole('button', { name: 'Review payout' }).click()
  await page
    .getByRole('region', { name: 'Review your payout' })
    .getByRole('button', { name: 'Confirm payout of $120' })
    .click()
  await expect(toast(page)).toContainText('Payout requested')

  // The payout hold: typed, sent, confirmed, and back on the same filtered list with the reason in place.
  const first = await staleAdminPage(browser, testInfo)
  const payoutsPage = '/admin/payouts?status=requested&rail=crypto'
  await first.admin.goto(payoutsPage)
  const payout = first.admin.getByRole('article', { name: `Payout $120 to ${freelancer.name}` })
  const reasonField = payout.getByLabel(`Reason for the payout of $120 to ${freelancer.name}`)
  const reason = 'First payout to a wallet added today: checking it'
  await reasonField.fill(reason)
  await payout.getByRole('button', { name: 'Hold' }).click()
  await expectPath(first.admin, '/settings/security/verify')
  await confirmWithEmailCode(first.admin, DEMO_ACCOUNTS.admin.email)
  await expect(first.admin).toHaveURL((url) => `${url.pathname}${url.search}` === payoutsPage)
  await expect(reasonField).toHaveValue(reason)
  await expect(payout).toContainText('Requested')
  await payout.getByRole('button', { name: 'Hold' }).click()
  await expect(toast(first.admin)).toHaveText('The payout is held.')
  await first.context.close()

  // A fraud-desk step with its note, on another admin browser whose second factor is as old.
  const tester = await plantCardTestingRun()
  const second = await staleAdminPage(browser, testInfo)
  await second.admin.goto(`/admin/fraud?${new URLSearchParams({ type: 'card_testing', person: tester.email })}`)
  await second.admin.getByRole('link', { name: 'Card testing' }).click()
  await expect(second.admin.getByRole('heading', { level: 1 })).toHaveText(`Card testing: ${tester.name}`)
  const alertPage = new URL(second.admin.url()).pathname
  const workflow = second.admin.getByRole('region', { name: 'Workflow' })
  const note = 'Seven cards in three minutes from one new account: looking at the devices'
  await workflow.getByLabel('Step').selectOption('investigate')
  await workflow.getByLabel('Note').fill(note)
  await workflow.getByRole('button', { name: 'Save step' }).click()
  await expectPath(second.admin, '/settings/security/verify')
  await confirmWithEmailCode(second.admin, DEMO_ACCOUNTS.admin.email)
  await expectPath(second.admin, alertPage)
  await expect(workflow.getByLabel('Step')).toHaveValue('investigate')
  await expect(workflow.getByLabel('Note')).toHaveValue(note)
  await workflow.getByRole('button', { name: 'Save step' }).click()
  await expect(toast(second.admin)).toHaveText('Start investigating: done.')
  await expect(second.admin.getByRole('list').filter({ hasText: note })).toBeVisible()
  await second.context.close()
})

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

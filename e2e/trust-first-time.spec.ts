import { eq } from 'drizzle-orm'
import { getDb } from '~/models/db.server'
import { disputes, milestones } from '~/models/schema'
import { formatDate } from '~/utils/format'
import { createFixedContract } from './contract-fixtures'
import { clientAndFreelancerOnAContract } from './contract-pair'
import { userIdByEmail } from './db-fixtures'
import { expect, expectPath, makeUser, newBrowserContext, type Page, submitSignIn, test, toast } from './fixtures'
import { insertWalletTopUp } from './payments-fixtures'
import { createAccountWithoutBrowser, signUpWithoutForm } from './user-fixtures'

/**
 * Where trust is tested, walked as a first-time member would: a dispute from both sides and the
 * admin's desk, and a block seen by the blocked member and by the other side of their contract.
 * Each check failed before its fix.
 */

const DAY_MS = 86_400_000
const milestone = (page: Page) => page.getByRole('article', { name: '1. Design' })

/** The client funds the contract's one milestone from a topped-up wallet. */
async function fundFromWallet(page: Page, clientEmail: string, contractId: string) {
  await insertWalletTopUp(clientEmail, { amountMinor: 50_000, currency: 'USD', at: Date.now(), description: 'Top-up' })
  await page.goto(`/contracts/${contractId}`)
  await milestone(page)
    .getByRole('radio', { name: /^Wallet balance/ })
    .check()
  await milestone(page).getByRole('button', { name: 'Fund $500' }).click()
  await expect(toast(page)).toContainText('held in escrow')
}

test('a dispute from both sides: what happens next and by when, the decision with its fee, the money as decided', async ({
  page,
  browser,
  adminPage,
}, testInfo) => {
  test.setTimeout(150_000)
  const { client, freelancer, freelancerContext, freelancerPage, contractId, title } =
    await clientAndFreelancerOnAContract(page, browser, testInfo)
  await fundFromWallet(page, client.email, contractId)
  await freelancerPage.goto(`/contracts/${contractId}`)
  await milestone(freelancerPage).getByLabel('What you deliver for “Design”').fill('Two screens: figma.com/file/x')
  await milestone(freelancerPage).getByRole('button', { name: 'Submit work' }).click()
  await expect(toast(freelancerPage)).toBeVisible()

  // The unhappy client opens a dispute and reads, before writing, what happens, how long, and what helps.
  await page.reload()
  await milestone(page).getByRole('link', { name: 'Open a dispute about this milestone' }).click()
  const next = page.getByRole('region', { name: 'What happens next' })
  await expect(next).toContainText('nothing is approved or paid automatically while the dispute runs')
  await expect(next).toContainText('has 7 days to give their side')
  await expect(next).toContainText('the brief, messages, dates, screenshots')
  await page.getByLabel('What went wrong').fill('Only two of the five agreed screens were delivered.')
  await page.getByLabel('Evidence file (optional)').setInputFiles({
    name: 'brief.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Five screens: home, cart, pay, done, account.'),
  })
  await page.getByRole('button', { name: 'Open dispute' }).click()
  await expect(toast(page)).toContainText('The dispute is open.')
  const disputePath = new URL(page.url()).pathname
  const due = formatDate(new Date(Date.now() + 7 * DAY_MS))
  await expect(page.getByText(`Response due by ${due}`)).toBeVisible()
  await expect(page.getByRole('region', { name: 'What happens next' })).toContainText(
    `${freelancer.name} has until ${due} to give their side`,
  )

  // Back on the contract, the milestone no longer promises an automatic approval and leads to the case.
  await page.goto(`/contracts/${contractId}`)
  await expect(milestone(page)).not.toContainText('Approved and paid automatically')
  await milestone(page).getByRole('link', { name: 'See the dispute and its deadline' }).click()
  await expectPath(page, disputePath)

  // The freelancer is told by when to answer, and answers with a file.
  await freelancerPage.goto('/notifications')
  await expect(freelancerPage.getByText(`Give your side with your evidence by ${due} (7 days)`)).toBeVisible()
  await freelancerPage.getByRole('link', { name: `${client.name} opened a dispute on “${title}”` }).click()
  await expectPath(freelancerPage, disputePath)
  await expect(freelancerPage.getByRole('region', { name: 'What happens next' })).toContainText(
    `Give your side below by ${due}. You answer once`,
  )
  await freelancerPage
    .getByLabel('What happened, from your side')
    .fill('Three screens were in the shared file on time; the client opened an old link.')
  await freelancerPage.getByLabel('Evidence file (optional)').setInputFiles({
    name: 'screens.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('home, cart, pay'),
  })
  await freelancerPage.getByRole('button', { name: 'Send response' }).click()
  await expect(toast(freelancerPage)).toHaveText('Your response is recorded. An admin will now decide.')

  // The admin is told the case is ready, reads both sides and splits it.
  await adminPage.goto('/notifications')
  await adminPage
    .getByRole('link', { name: `Both sides are in: the dispute on “${title}” is ready to decide` })
    .first()
    .click()
  await expectPath(adminPage, disputePath)
  await expect(adminPage.getByRole('link', { name: 'brief.txt' })).toBeVisible()
  await expect(adminPage.getByRole('link', { name: 'screens.txt' })).toBeVisible()
  await adminPage.getByRole('radio', { name: 'Split between them' }).check()
  await adminPage.getByLabel('Freelancer’s share (for a split)').fill('300')
  await adminPage
    .getByLabel('Reason both sides will read')
    .fill('Three of the five screens were delivered on time; two were missing.')
  await adminPage.getByRole('button', { name: 'Record decision' }).click()
  await expect(toast(adminPage)).toHaveText('The decision is recorded and both sides are told.')

  // Both read the written decision with the fee as it was taken, and the money moved as decided.
  for (const reader of [page, freelancerPage]) {
    await reader.goto(`/contracts/${contractId}`)
    await milestone(reader).getByRole('link', { name: 'Read the dispute decision' }).click()
    const decision = reader.getByRole('region', { name: 'Decision: Split between them' })
    await expect(decision).toContainText(
      '$300 to the freelancer: MegiLance’s fee of $30 comes off, so they received $270. $200 back to the client’s wallet, with no fee.',
    )
    await expect(decision).toContainText('Three of the five screens were delivered on time; two were missing.')
  }
  await freelancerPage.goto('/notifications')
  await expect(freelancerPage.getByText('The freelancer receives $270 after MegiLance’s $30 fee.')).toBeVisible()
  await freelancerPage.goto('/wallet')
  await expect(freelancerPage.getByText(/Balance in USD\s*\$270/)).toBeVisible()
  await page.goto('/wallet')
  await expect(page.getByText(/Balance in USD\s*\$200/)).toBeVisible()
  await freelancerContext.close()
})

test('a dispute nobody answers: past the 7 days every side reads that the claim is decided alone', async ({
  page,
  adminPage,
}, testInfo) => {
  const client = await signUpWithoutForm(page, testInfo, makeUser('client'))
  const freelancer = await createAccountWithoutBrowser(makeUser('freelancer'))
  const { contractId } = await createFixedContract(client.email, freelancer.email, {
    milestones: [{ title: 'Design', amountMinor: 50_000 }],
  })
  await fundFromWallet(page, client.email, contractId)
  // Opened eight days ago; the freelancer never answered.
  const opened = new Date(Date.now() - 8 * DAY_MS)
  const [held] = getDb().select().from(milestones).where(eq(milestones.contractId, contractId)).all()
  const id = crypto.randomUUID()
  getDb()
    .insert(disputes)
    .values({
      id,
      contractId,
      milestoneId: held!.id,
      openedBy: await userIdByEmail(client.email),
      amountMinor: 50_000,
      reason: 'Nothing was delivered, and no answer to messages for two weeks.',
      createdAt: opened,
    })
    .run()
  const due = formatDate(new Date(opened.getTime() + 7 * DAY_MS))

  await page.goto(`/disputes/${id}`)
  await expect(page.getByText(`Response was due ${due}`)).toBeVisible()
  await expect(page.getByRole('region', { name: 'What happens next' })).toContainText(
    `${freelancer.name} did not respond by ${due}. An admin now decides on ${client.name}’s claim and evidence alone.`,
  )
  await adminPage.goto(`/disputes/${id}`)
  await expect(
    adminPage.getByText(
      `${freelancer.name} did not give their side by ${due}: the claim and its evidence are all there is to decide on.`,
    ),
  ).toBeVisible()
})

test('a blocked member reads why and how to contest it; the other side of their contract is told what they can do', async ({
  page,
  browser,
  adminPage,
}, testInfo) => {
  test.setTimeout(120_000)
  const client = await signUpWithoutForm(page, testInfo, makeUser('client'))
  const freelancerContext = await newBrowserContext(browser, testInfo)
  const freelancerPage = await freelancerContext.newPage()
  const freelancer = await signUpWithoutForm(freelancerPage, testInfo, makeUser('freelancer'))
  const { contractId, title } = await createFixedContract(client.email, freelancer.email, {
    milestones: [{ title: 'Design', amountMinor: 50_000 }],
  })
  await fundFromWallet(page, client.email, contractId)

  const reason = 'Asked clients to pay outside the platform, twice.'
  await adminPage.goto(`/admin/users/${await userIdByEmail(freelancer.email)}`)
  await adminPage.getByLabel('Reason for blocking').fill(reason)
  await adminPage.getByRole('button', { name: 'Block user' }).click()
  await expect(toast(adminPage)).toHaveText(`${freelancer.name} is blocked and signed out.`)

  // Signing in again: the reason, and where to ask for a second look.
  await freelancerPage.goto('/sign-in')
  await submitSignIn(freelancerPage, freelancer)
  // The form's own refusal (with JavaScript, the sign-out's toast may still be showing beside it).
  await expect(freelancerPage.locator('#sign-in').getByRole('alert')).toHaveText(
    `This account is blocked. Reason given: ${reason}`,
  )
  await freelancerPage.getByRole('link', { name: 'contact form' }).click()
  await expectPath(freelancerPage, '/help/contact')
  await expect(freelancerPage.getByLabel('Topic')).toHaveValue('account')
  await freelancerContext.close()

  // The client is told the work stopped (not why) and the contract page says what they can do.
  await page.goto('/notifications')
  await page.getByRole('link', { name: `${freelancer.name}’s account is suspended: “${title}” is on hold` }).click()
  await expectPath(page, `/contracts/${contractId}`)
  const notice = page.getByRole('region', { name: `${freelancer.name}’s account is suspended` })
  await expect(notice).toContainText('You can end the contract below: money for milestones without submitted work')
  await expect(notice).not.toContainText(reason)

  // Unblocked, the notice is gone.
  await adminPage.getByRole('button', { name: 'Unblock user' }).click()
  await expect(toast(adminPage)).toHaveText(`${freelancer.name} can sign in again.`)
  await page.reload()
  await expect(page.getByRole('region', { name: `${freelancer.name}’s account is suspended` })).toHaveCount(0)
})

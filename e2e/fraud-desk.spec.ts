import { expect, makeUser, test, toast } from './fixtures'
import { insertSessionCookie } from './db-fixtures'
import { plantCardTestingRun, plantReviewRing } from './fraud-fixtures'
import { giveWalletAndCryptoMethod } from './payout-fixtures'
import { signUpWithoutForm } from './user-fixtures'
import { createOpenProject } from './projects-fixtures'

const dayAsWritten = (day: Date) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(day)

test('planted card testing and a review ring become alerts; an admin works one through, blocks the account and releases a held payout', async ({
  page,
  adminPage,
}, testInfo) => {
  test.setTimeout(120_000)
  const star = await signUpWithoutForm(page, testInfo, makeUser('freelancer'))
  await giveWalletAndCryptoMethod(star.email, 30_000, '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045')
  await plantReviewRing(star.email)
  const tester = await plantCardTestingRun()

  // The ring's freelancer asks for a payout: it waits for an admin, and says only that it is under review.
  await page.context().addCookies([await insertSessionCookie(star.email, testInfo.project.use.baseURL!)])
  await page.goto('/payouts')
  await page.getByLabel('Amount').fill('120')
  await page.getByRole('button', { name: 'Review payout' }).click()
  await page
    .getByRole('region', { name: 'Review your payout' })
    .getByRole('button', { name: 'Confirm payout of $120' })
    .click()
  await expect(toast(page)).toContainText('Under review')
  const payoutRow = page
    .getByRole('table', { name: 'Your payouts, newest first' })
    .getByRole('row')
    .filter({ hasText: 'USDC on Ethereum' })
  await expect(payoutRow).toContainText('Held for review')
  await expect(payoutRow).toContainText('/help/contact')

  // The admin filters the desk to the card tester's card-testing alerts: exactly one, and the CSV agrees.
  await adminPage.goto('/admin/fraud')
  const filters = adminPage.getByRole('search', { name: 'Filter alerts' })
  await filters.getByLabel('Type').selectOption('card_testing')
  await filters.getByLabel('Person (name or email)').fill(tester.email)
  await filters.getByRole('button', { name: 'Filter' }).click()
  await expect(adminPage).toHaveURL((url) => url.searchParams.get('person') === tester.email)
  const rows = adminPage.getByRole('table', { name: 'Fraud alerts' }).getByRole('row')
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(1)).toContainText('7 cards tried 7 times in 3 minutes, 6 declined.')
  const csvHref = await adminPage.getByRole('link', { name: 'Download these alerts as CSV' }).getAttribute('href')
  const csv = (await (await adminPage.request.get(csvHref!)).text()).trim().split('\n')
  expect(csv).toHaveLength(2)
  expect(csv[1]).toContain(tester.email)
  expect(csv[1]).toContain('Card testing')
  // The chart's days read as the rest of the app writes them ("7 Dec 2026"), in its table too, never ISO.
  const chartDays = adminPage.locator('[data-chart-table="alerts-per-day"] tbody th')
  await expect(chartDays.filter({ hasText: dayAsWritten(new Date()) })).toHaveCount(1)
  for (const day of await chartDays.allTextContents()) expect(day).toMatch(/^\d{1,2} [A-Z][a-z]{2,3} \d{4}$/)
  await expect(adminPage.getByRole('figure', { name: /Alerts raised per day/ })).not.toContainText(/\d{4}-\d{2}-\d{2}/)

  // On a phone the nine filters fold into one line that says how many apply, and a link at the top
  // goes past the figures and the chart to the list.
  await adminPage.setViewportSize({ width: 360, height: 800 })
  await adminPage.reload()
  const folded = adminPage.getByText('Filter alerts (2 active)')
  await expect(folded).toBeVisible()
  await expect(filters.getByLabel('Type')).toBeHidden()
  await adminPage.getByRole('link', { name: 'Skip to the alerts' }).click()
  await expect(rows.nth(1)).toBeInViewport()
  await folded.click()
  await expect(filters.getByLabel('Type')).toHaveValue('card_testing')
  // Filtering folds it again, so the list shows right away.
  await filters.getByLabel('Sort').selectOption('score')
  await filters.getByRole('button', { name: 'Filter' }).click()
  await expect(adminPage).toHaveURL((url) => url.searchParams.get('sort') === 'score')
  await expect(folded).toBeVisible()
  await expect(filters.getByLabel('Type')).toBeHidden()
  await expect(rows).toHaveCount(2)
  await adminPage.setViewportSize({ width: 1280, height: 720 })

  // Investigating, then resolved, each with a note; then the account is blocked from the alert.
  await rows.nth(1).getByRole('link', { name: 'Card testing' }).click()
  await expect(adminPage.getByRole('heading', { level: 1 })).toHaveText(`Card testing: ${tester.name}`)
  // The history heading does not sit on the workflow form's button.
  const saveBox = await adminPage.getByRole('button', { name: 'Save step' }).boundingBox()
  const historyBox = await adminPage.getByRole('heading', { name: 'History', exact: true }).boundingBox()
  expect(historyBox!.y - (saveBox!.y + saveBox!.height)).toBeGreaterThanOrEqual(12)
  await adminPage.getByLabel('Step').selectOption('investigate')
  await adminPage
    .getByLabel('Note (required)', { exact: true })
    .fill('Seven cards in three minutes: looking at the declines.')
  await adminPage.getByRole('button', { name: 'Save step' }).click()
  await expect(toast(adminPage)).toHaveText('Start investigating: done.')
  await adminPage.getByLabel('Step').selectOption('resolve')
  await adminPage.getByLabel('Note (required)', { exact: true }).fill('Stolen cards confirmed with the processor.')
  await adminPage.getByRole('button', { name: 'Save step' }).click()
  await expect(toast(adminPage)).toHaveText('Resolve as fraud: done.')
  const history = adminPage.getByRole('list').filter({ hasText: 'Stolen cards confirmed' })
  await expect(history).toContainText('Seven cards in three minutes: looking at the declines.')
  await expect(history).toContainText('(Resolved)')
  // Each step reads as the button that took it, not its internal name ("investigate").
  await expect(history).toContainText('Start investigating (Investigating): Seven cards in three minutes')
  await adminPage.getByLabel(`Reason for blocking ${tester.name}`).fill('Card testing with stolen cards.')
  await adminPage.getByRole('button', { name: `Block ${tester.name}` }).click()
  await expect(toast(adminPage)).toHaveText(`${tester.name} is blocked and signed out.`)
  await expect(adminPage.getByRole('region', { name: 'Accounts involved' })).toContainText('Blocked')

  // The review ring is an alert too; from it the admin releases the held payout.
  await adminPage.goto(`/admin/fraud?type=review_manipulation&person=${encodeURIComponent(star.email)}`)
  await adminPage.getByRole('link', { name: 'Review manipulation' }).click()
  await expect(adminPage.getByRole('region', { name: 'Evidence' })).toContainText('3 top ratings')
  await adminPage.getByLabel(/Note on the payout of/).fill('Talked to the freelancer; the work was real.')
  await adminPage.getByRole('button', { name: 'Release payout' }).click()
  await expect(toast(adminPage)).toHaveText(/The payout of .+ is released\./)
  await page.reload()
  await expect(payoutRow).toContainText('Sent (test mode)')
})

// A member reports an ordinary (unflagged) project from its quiet "Report" link: the contact form
// opens at "Report a scam or abuse" naming it, and the report reaches the fraud desk as an alert
// about the project's client, linked to the project, the reporter and their words. Its owner sees no link.
test('a member reports a project from its Report link; the admin deciding fraud sees it on the client’s alert', async ({
  page,
  adminPage,
}, testInfo) => {
  const client = await signUpWithoutForm(page, testInfo, makeUser('client'))
  const { projectId } = await createOpenProject(client.email, { title: 'Data entry, paid upfront' })
  await page.goto(`/projects/${projectId}`)
  await expect(page.getByRole('link', { name: 'Report this project' })).toHaveCount(0)

  const reporter = await signUpWithoutForm(page, testInfo, makeUser('freelancer'), { at: `/projects/${projectId}` })
  await page.getByRole('link', { name: 'Report this project' }).click()
  await expect(page).toHaveURL(/\/help\/contact\?topic=safety&about=/)
  await expect(page.getByText('You are reporting the project “Data entry, paid upfront”.')).toBeVisible()
  await expect(page.getByLabel('Topic')).toHaveValue('safety')
  const message = page.getByLabel('Message')
  await message.fill(`${await message.inputValue()}They asked for a $50 "training fee" by gift card before any work.`)
  await page.getByRole('button', { name: 'Send message' }).click()
  await expect(toast(page)).toContainText('Thank you: your message reached our team.')
  // Reporting it again adds to the first report rather than sending a second one.
  await page.goto(`/projects/${projectId}`)
  await page.getByRole('link', { name: 'Report this project' }).click()
  await page.getByLabel('Message').fill('They wrote again today asking for the gift card codes.')
  await page.getByRole('button', { name: 'Send message' }).click()
  await expect(toast(page)).toContainText('You had already reported this page')

  await adminPage.goto('/admin/fraud?type=member_reports')
  await adminPage
    .getByRole('table', { name: 'Fraud alerts' })
    .getByRole('row')
    .filter({ hasText: client.name })
    .getByRole('link', { name: 'Reported by members' })
    .click()
  await expect(adminPage.getByRole('heading', { level: 1 })).toHaveText(`Reported by members: ${client.name}`)
  const reports = adminPage.getByRole('table', { name: 'Reports by members' })
  await expect(reports.getByRole('row')).toHaveCount(2)
  await expect(reports.getByRole('link', { name: reporter.name })).toBeVisible()
  await reports.getByRole('link', { name: 'Read the report' }).click()
  await expect(adminPage.getByText('They wrote again today asking for the gift card codes.')).toBeVisible()
  const reported = adminPage.getByRole('region', { name: 'What is reported' })
  await expect(reported.getByRole('link', { name: `/projects/${projectId}` })).toBeVisible()
  await expect(reported.getByRole('link', { name: `Every report about ${client.name}` })).toBeVisible()
  await reported.getByRole('link', { name: client.name, exact: true }).click()
  await expect(adminPage).toHaveURL(new RegExp(`/admin/users/`))
})

import fs from 'node:fs'
import { newAuditContext, wcagViolations } from './axe-audit'
import { expect, makeUser, newBrowserContext, type Page, test, toast } from './fixtures'
import { signUpWithoutForm } from './user-fixtures'
import { createFixedContract } from './contract-fixtures'

async function openBilling(page: Page) {
  await page.goto('/settings')
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Billing & tax' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Billing & tax' })).toBeVisible()
}

test('a client sets a billing country and VAT ID; a bad VAT ID is refused and kept as typed', async ({
  page,
}, testInfo) => {
  await signUpWithoutForm(page, testInfo, makeUser('client'))
  await openBilling(page)

  await page.getByLabel('Billing country').selectOption({ label: 'Germany' })
  await page.getByRole('button', { name: 'Save billing details' }).click()
  await expect(toast(page)).toHaveText('Billing details saved: Germany.')
  await expect(page.getByText('Tax on platform fees now: VAT 19% (DE)')).toBeVisible()

  await page.getByLabel('EU VAT ID (optional)').fill('DE 136 695 975')
  await page.getByRole('button', { name: 'Save billing details' }).click()
  await expect(page.getByText('The check digits of this VAT ID do not match: there is a typo in it.')).toBeVisible()
  await expect(page.getByLabel('EU VAT ID (optional)')).toHaveValue('DE 136 695 975')
  await expect(page.getByLabel('Billing country')).toHaveValue('DE')

  await page.getByLabel('EU VAT ID (optional)').fill('DE136695976')
  await page.getByRole('button', { name: 'Save billing details' }).click()
  await expect(toast(page)).toHaveText('Billing details saved: Germany, VAT ID DE136695976.')
  await expect(page.getByText('Tax on platform fees now: VAT reverse charged')).toBeVisible()
  await expect(page.getByLabel('EU VAT ID (optional)')).toHaveValue('DE136695976')
})

test('a German client’s release carries VAT in the fee, and the freelancer downloads the CSV statement', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000)
  const client = await signUpWithoutForm(page, testInfo, makeUser('client'))
  const freelancerContext = await newBrowserContext(browser, testInfo)
  const freelancerPage = await freelancerContext.newPage()
  const freelancer = await signUpWithoutForm(freelancerPage, testInfo, makeUser('freelancer'))
  const { contractId } = await createFixedContract(client.email, freelancer.email, {
    milestones: [{ title: 'Audit', amountMinor: 80_000 }],
  })

  await openBilling(page)
  await page.getByLabel('Billing country').selectOption({ label: 'Germany' })
  await page.getByRole('button', { name: 'Save billing details' }).click()
  await expect(toast(page)).toHaveText('Billing details saved: Germany.')

  // The fee is shown before committing, unchanged, with the VAT in it added.
  await page.goto(`/contracts/${contractId}`)
  const audit = page.getByRole('article', { name: '1. Audit' })
  await expect(audit).toContainText(
    'the freelancer receives $720 and MegiLance keeps the 10% fee ($80). The fee includes $12.77 VAT 19% (DE).',
  )
  await audit.getByRole('button', { name: 'Fund $800' }).click()
  await page.getByLabel('Name on card').fill('Carmen Tester')
  await page.getByLabel('Card number').fill('4242 4242 4242 4242')
  await page.getByLabel('Expiry (MM/YY)').fill('12/30')
  await page.getByLabel('Security code').fill('123')
  await page.getByRole('button', { name: 'Pay $800' }).click()
  await expect(toast(page)).toHaveText('Payment received: $800 is held in escrow.')

  await freelancerPage.goto(`/contracts/${contractId}`)
  const freelancerAudit = freelancerPage.getByRole('article', { name: '1. Audit' })
  await freelancerAudit.getByLabel('What you deliver for “Audit”').fill('The audit report, 14 pages.')
  await freelancerAudit.getByRole('button', { name: 'Submit work' }).click()
  await expect(toast(freelancerPage)).toHaveText('Submitted. The client has 14 days to review it.')

  await page.reload()
  await audit.getByRole('button', { name: 'Approve and release $800' }).click()
  await expect(page.getByRole('region', { name: 'Activity' })).toContainText(
    '$800 released from escrow: $720 to the freelancer, $80 platform fee (10%), including $12.77 VAT 19% (DE).',
  )

  await freelancerPage.goto('/settings/billing/statements')
  const year = new Date().getUTCFullYear()
  await expect(freelancerPage.getByRole('row', { name: /^USD/ })).toContainText('$800$80$12.77$720$0')
  const downloadPromise = freelancerPage.waitForEvent('download')
  await freelancerPage.getByRole('link', { name: `CSV statement ${year}` }).click()
  const download = await downloadPromise
  expect(download.suggestedFilename()).toBe(`megilance-tax-statement-${year}.csv`)
  const csv = fs
    .readFileSync(await download.path(), 'utf8')
    .trim()
    .split('\n')
  expect(csv[0]).toBe('Year,Currency,Month,Gross released,Platform fees,VAT/GST in fees,Net received,Payouts')
  expect(csv.at(-1)).toBe(`${year},USD,Total,800.00,80.00,12.77,720.00,0.00`)
  await expect(freelancerPage.getByRole('link', { name: `PDF statement ${year}` })).toHaveAttribute(
    'href',
    `/settings/billing/statements/${year}.pdf`,
  )
  await freelancerContext.close()
})

test('the billing, statement and rate pages pass the WCAG AA checks', async ({ browser }, testInfo) => {
  const context = await newAuditContext(browser, testInfo)
  const page = await context.newPage()
  await signUpWithoutForm(page, testInfo, makeUser('client'))
  for (const path of ['/settings/billing', '/settings/billing/statements', '/help/tax']) {
    expect(await wcagViolations(page, path)).toEqual([])
  }
  await context.close()
})

import { wcagViolations } from './axe-audit'
import {
  DEMO_ACCOUNTS,
  expect,
  isJavaScriptEnabled,
  makeUser,
  newBrowserContext,
  type Page,
  test,
  toast,
} from './fixtures'
import { signUpWithoutForm } from './user-fixtures'
import { createFixedContract } from './contract-fixtures'

/** WCAG 2.1 AA (axe runs as a script, so only where the page allows scripts). */
async function expectAccessible(page: Page) {
  expect(await wcagViolations(page)).toEqual([])
}

test('a client pays a milestone with crypto in the sandbox; an admin confirms it and the milestone is funded', async ({
  page,
  adminPage,
}, testInfo) => {
  test.setTimeout(90_000)
  const client = await signUpWithoutForm(page, testInfo, makeUser('client'))
  const { contractId, title } = await createFixedContract(client.email, DEMO_ACCOUNTS.freelancer.email, {
    milestones: [{ title: 'Design', amountMinor: 50_000 }],
  })

  await page.goto(`/contracts/${contractId}`)
  const design = page.getByRole('article', { name: '1. Design' })
  const crypto = design.getByRole('region', { name: 'Pay for “Design” with crypto' })
  await crypto.getByLabel('Coin and network').selectOption({ label: 'BTC on Bitcoin' })
  await crypto.getByRole('button', { name: 'Pay with crypto' }).click()

  // The request: the locked amount, the sandbox address, the BIP21 link and its QR code.
  await expect(page.getByRole('heading', { level: 1, name: /^Send [\d.]+ BTC$/ })).toBeVisible()
  await expect(page).toHaveURL(/\/crypto-payments\/[\w-]+$/)
  const paymentUrl = page.url()
  await expect(page.getByRole('heading', { name: 'Test mode Do not send real funds' })).toBeVisible()
  await expect(page.getByText('Waiting for payment')).toBeVisible()
  await expect(page.getByText('$500 for the milestone “Design”')).toBeVisible()
  await expect(page.getByText('1BitcoinEaterAddressDontSendf59kuE', { exact: true })).toBeVisible()
  await expect(page.getByText('Locked until')).toBeVisible()
  const walletLink = page.getByRole('link', { name: 'Open in your wallet app' })
  await expect(walletLink).toHaveAttribute(
    'href',
    /^bitcoin:1BitcoinEaterAddressDontSendf59kuE\?amount=0\.\d+&label=MegiLance&message=/,
  )
  const qr = page.getByRole('figure', { name: /QR code of the payment link/ })
  await expect(qr.locator('svg')).toBeVisible()
  if (isJavaScriptEnabled(testInfo)) await expectAccessible(page)

  // The admin confirms it in the sandbox with a transaction reference.
  await adminPage.goto('/admin/crypto-payments')
  if (isJavaScriptEnabled(testInfo)) await expectAccessible(adminPage)
  const confirm = adminPage.getByRole('form', { name: `Confirm the payment for ${title} · Design` })
  await confirm.getByLabel('Transaction reference').fill(`sandbox-e2e-${contractId.slice(0, 8)}`)
  await confirm.getByRole('button', { name: 'Confirm payment' }).click()
  await expect(toast(adminPage)).toContainText('Payment confirmed: the milestone is funded')
  await expect(adminPage.getByRole('row').filter({ hasText: title })).toContainText('Confirmed')

  // The client sees the payment received and the milestone funded.
  await page.goto(paymentUrl)
  await expect(page.getByRole('heading', { name: 'Payment received' })).toBeVisible()
  await expect(page.getByText('Confirmed', { exact: true })).toBeVisible()
  await page.getByRole('link', { name: 'Back to the contract' }).click()
  await expect(page.getByRole('article', { name: '1. Design' })).toContainText('Funded — in escrow')
  await expect(page.getByRole('region', { name: 'Pay for “Design” with crypto' })).toHaveCount(0)
})

test('a stranger cannot see someone else’s crypto payment request', async ({ page, browser }, testInfo) => {
  const client = await signUpWithoutForm(page, testInfo, makeUser('client'))
  const { contractId } = await createFixedContract(client.email, DEMO_ACCOUNTS.freelancer.email, {
    milestones: [{ title: 'Build', amountMinor: 12_345 }],
  })
  await page.goto(`/contracts/${contractId}`)
  const crypto = page.getByRole('region', { name: 'Pay for “Build” with crypto' })
  await crypto.getByLabel('Coin and network').selectOption({ label: 'USDC on Ethereum (ERC-20)' })
  await crypto.getByRole('button', { name: 'Pay with crypto' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /^Send [\d.]+ USDC$/ })).toBeVisible()
  await expect(page.getByText('0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', { exact: true })).toBeVisible()
  const url = page.url()

  const other = await newBrowserContext(browser, testInfo)
  const otherPage = await other.newPage()
  await signUpWithoutForm(otherPage, testInfo, makeUser('client'))
  const response = await otherPage.goto(url)
  expect(response?.status()).toBe(404)
  await other.close()
})

import { newAuditContext, wcagViolations } from './axe-audit'
import { insertSessionCookie } from './db-fixtures'
import { DEMO_ACCOUNTS, expect, makeUser, type Page, test, toast } from './fixtures'
import { signUpWithoutForm } from './user-fixtures'

/** Signs in as the seeded client by writing a session (these tests change nothing of theirs). */
async function openConvertAsClient(page: Page, baseURL: string) {
  await page.context().addCookies([await insertSessionCookie(DEMO_ACCOUNTS.client.email, baseURL)])
  await page.goto('/client')
  await page.getByRole('navigation', { name: 'Client portal' }).getByRole('link', { name: 'Convert' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Convert currencies' })).toBeVisible()
}

const optionsOf = (page: Page, label: string) => page.getByLabel(label, { exact: true }).locator('option')

test.describe('currency conversion', () => {
  test('converts 100 USD to EUR at the shipped snapshot rate and says how old it is', async ({ page, baseURL }) => {
    await openConvertAsClient(page, baseURL!)
    await page.getByLabel('Amount', { exact: true }).fill('100')
    await page.getByLabel('From', { exact: true }).selectOption('USD')
    await page.getByLabel('To', { exact: true }).selectOption('EUR')
    await page.getByRole('button', { name: 'Convert' }).click()

    const result = page.getByRole('region', { name: 'Result' })
    await expect(result).toContainText('$100 = €86.21')
    await expect(result).toContainText('1 USD = 0.86206897 EUR · 1 EUR = 1.16 USD')
    await expect(result).toContainText(
      /Rate from 1 Dec 2026, 16:00 UTC — (less than a minute|\d+ (minutes?|hours?|days?)) old\. Source: the rates shipped with MegiLance/,
    )
    await expect(page).toHaveURL(
      (url) => url.searchParams.get('amount') === '100' && url.searchParams.get('to') === 'EUR',
    )
  })

  test('converts to crypto with the coin’s own precision', async ({ page, baseURL }) => {
    await openConvertAsClient(page, baseURL!)
    await page.getByLabel('Amount', { exact: true }).fill('210')
    await page.getByLabel('From', { exact: true }).selectOption('USD')
    await page.getByLabel('To', { exact: true }).selectOption('BTC')
    await page.getByRole('button', { name: 'Convert' }).click()
    await expect(page.getByRole('region', { name: 'Result' })).toContainText('$210 = 0.002 BTC')
  })

  test('the currency search narrows both lists and keeps what is selected', async ({ page, baseURL }) => {
    await openConvertAsClient(page, baseURL!)
    await expect(optionsOf(page, 'From')).toHaveCount(164)
    await page.getByRole('search', { name: 'Currency search' }).getByLabel('Find a currency').fill('franc')
    await page.getByRole('button', { name: 'Search' }).click()

    await expect(page.getByText(/currencies match “franc”/)).toBeVisible()
    const from = optionsOf(page, 'From')
    await expect(from.filter({ hasText: 'CHF — Swiss Franc' })).toHaveCount(1)
    await expect(from.filter({ hasText: 'JPY — Yen' })).toHaveCount(0)
    // USD and EUR were selected, so they stay.
    await expect(from.filter({ hasText: 'USD — US Dollar' })).toHaveCount(1)
    expect(await from.count()).toBeLessThan(20)
    await expect(optionsOf(page, 'To').filter({ hasText: 'XOF — CFA Franc BCEAO' })).toHaveCount(1)
  })

  test('a starred currency is listed under Favourites, and the typed amount survives', async ({ page }, testInfo) => {
    await signUpWithoutForm(page, testInfo, makeUser('client'), { at: '/convert' })
    await page.getByLabel('Amount', { exact: true }).fill('250')
    await page.getByLabel('Find a currency').fill('swiss')
    await page.getByRole('button', { name: 'Search' }).click()
    await page.getByRole('button', { name: 'Add CHF to favourites' }).click()

    await expect(toast(page)).toHaveText('Added CHF (Swiss Franc) to your favourites.')
    await expect(page.getByLabel('Amount', { exact: true })).toHaveValue('250')
    const favourites = page.getByLabel('From', { exact: true }).locator('optgroup[label="Favourites"] option')
    await expect(favourites).toHaveText(['CHF — Swiss Franc'])
    await expect(page.getByRole('list', { name: 'Your favourite currencies' })).toContainText('CHF Swiss Franc')

    // Favourites stay first when the search is cleared; unstarring removes them.
    await page.goto('/convert')
    await expect(favourites).toHaveText(['CHF — Swiss Franc'])
    await page
      .getByRole('list', { name: 'Your favourite currencies' })
      .getByRole('button', { name: 'Remove CHF from favourites' })
      .click()
    await expect(toast(page)).toHaveText('Removed CHF from your favourites.')
    await expect(favourites).toHaveCount(0)
  })

  test('a bad amount gets a clear message and keeps what was typed', async ({ page, baseURL }) => {
    await openConvertAsClient(page, baseURL!)
    await page.getByLabel('Amount', { exact: true }).fill('12abc')
    await page.getByLabel('To', { exact: true }).selectOption('JPY')
    await page.getByRole('button', { name: 'Convert' }).click()

    await expect(
      page.getByText('“12abc” is not an amount: use digits and at most one decimal point, e.g. 100 or 99.95'),
    ).toBeVisible()
    await expect(page.getByLabel('Amount', { exact: true })).toHaveValue('12abc')
    await expect(page.getByLabel('Amount', { exact: true })).toHaveAttribute('aria-invalid', 'true')
    await expect(page.getByLabel('To', { exact: true })).toHaveValue('JPY')
    await expect(page.getByRole('region', { name: 'Result' })).toHaveCount(0)

    await page.getByLabel('Amount', { exact: true }).fill('1.234')
    await page.getByRole('button', { name: 'Convert' }).click()
    await expect(page.getByText('USD has 2 decimal places: “1.234” has 3')).toBeVisible()
    await expect(page.getByLabel('Amount', { exact: true })).toHaveValue('1.234')
  })

  test('passes the WCAG AA checks with a result, a search and an error', async ({ browser }, testInfo) => {
    const context = await newAuditContext(browser, testInfo)
    await context.addCookies([await insertSessionCookie(DEMO_ACCOUNTS.freelancer.email, testInfo.project.use.baseURL!)])
    const page = await context.newPage()
    for (const path of ['/convert?amount=100&from=USD&to=EUR&q=franc', '/convert?amount=abc&from=USD&to=BTC']) {
      expect(await wcagViolations(page, path)).toEqual([])
    }
    await context.close()
  })
})

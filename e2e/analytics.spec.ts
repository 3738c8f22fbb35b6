import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { DEMO_ACCOUNTS, expect, isJavaScriptEnabled, makeUser, newBrowserContext, test } from './fixtures'
import { signInWithoutForm, signUpWithoutForm } from './user-fixtures'

async function pdfText(data: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(data), isEvalSupported: false }).promise
  const pages: string[] = []
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent()
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '))
  }
  await doc.destroy()
  return pages.join('\n')
}

/** A CSV line's cells (the analytics CSVs quote only cells with commas). */
const csvCells = (line: string) =>
  [...line.matchAll(/"((?:[^"]|"")*)"|([^,]+)|(?<=,|^)(?=,|$)/g)].map((m) => (m[1] ?? m[2] ?? '').replaceAll('""', '"'))

test('an admin reads the analytics: the range changes the cards, a CSV and the PDF hold the page’s figures, the chart is drawn', async ({
  adminPage: page,
}, testInfo) => {
  await page.getByRole('navigation', { name: 'Admin portal' }).getByRole('link', { name: 'Analytics' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Analytics' })).toBeVisible()
  const revenue = page.locator('[data-card="revenue"] .stat__value')
  // The seed releases one demo milestone today, so the last 30 days hold its fee.
  await expect(revenue).not.toHaveText('$0')
  const revenueNow = (await revenue.textContent())!

  const figure = page.locator('figure#revenue-trend')
  if (isJavaScriptEnabled(testInfo)) {
    // chart.js comes when the reader reaches for a chart (e2e/charts-on-intent-live.spec.ts).
    await expect(figure).toHaveAttribute('data-chart', 'svg')
    await figure.hover()
    await expect(figure).toHaveAttribute('data-chart', 'chartjs')
    await expect(figure.locator('canvas')).toBeVisible()
  } else {
    await expect(figure.locator('svg.chart__svg')).toBeVisible()
    await expect(figure.locator('table[data-chart-table="revenue-trend"]')).toBeAttached()
  }

  // Every chart's table as CSV: the funnel's rows are the table's rows.
  const table = page.locator('table[data-chart-table="funnel"] tbody tr')
  const tableRows = await table.evaluateAll((rows) =>
    rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent!.replaceAll(',', ''))),
  )
  const csv = await page.request.get('/admin/analytics.csv?range=30d&table=funnel')
  expect(csv.headers()['content-type']).toContain('text/csv')
  const lines = (await csv.text()).trim().split('\n')
  expect(lines[0]).toBe('Stage,Projects')
  expect(lines.slice(1).map(csvCells)).toEqual(tableRows)

  // The PDF of the same range carries the card's figure.
  const pdf = await page.request.get('/admin/analytics.pdf?range=30d')
  expect(pdf.headers()['content-type']).toBe('application/pdf')
  const text = await pdfText(await pdf.body())
  expect(text).toContain('MegiLance analytics')
  expect(text).toContain(revenueNow)

  // The period's fields and its button sit on one line, the button level with the fields.
  const showBox = await page.getByRole('button', { name: 'Show' }).boundingBox()
  const toBox = await page.getByRole('textbox', { name: 'To', exact: true }).boundingBox()
  expect(Math.abs(showBox!.y + showBox!.height - (toBox!.y + toBox!.height))).toBeLessThanOrEqual(4)

  // An old custom range: nothing happened then, so the cards change and the change reads "—".
  await page.getByRole('combobox', { name: 'Period' }).selectOption('custom')
  await page.getByRole('textbox', { name: 'From', exact: true }).fill('2025-01-01')
  await page.getByRole('textbox', { name: 'To', exact: true }).fill('2025-01-31')
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page.locator('[data-period]')).toContainText('1 Jan 2025 – 31 Jan 2025')
  await expect(revenue).toHaveText('$0')
  await expect(page.locator('[data-card="revenue"] .stat__detail')).toContainText('—')

  // Dates the wrong way round: the page says so, in sentences, and shows the default period.
  await page.getByRole('textbox', { name: 'From', exact: true }).fill('2025-01-31')
  await page.getByRole('textbox', { name: 'To', exact: true }).fill('2025-01-01')
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page.getByRole('alert')).toHaveText(
    'The last day must not be before the first. Showing the last 30 days.',
  )
})

test('a freelancer sees their earnings by month', async ({ page }, testInfo) => {
  await signInWithoutForm(page, testInfo, DEMO_ACCOUNTS.freelancer.email, 'freelancer')
  await page.getByRole('navigation', { name: 'Freelancer portal' }).getByRole('link', { name: 'Analytics' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Your analytics' })).toBeVisible()
  const earnings = page.locator('figure#earnings')
  await expect(earnings.locator('figcaption')).toHaveText('Earnings by month, after fees')
  // The seed released one of the demo freelancer's milestones today: this month's row holds it.
  const rows = earnings.locator('table[data-chart-table="earnings"] tbody tr')
  await expect(rows).toHaveCount(12)
  await expect(rows.last().locator('td')).not.toHaveText('$0')
  // On a phone the table scrolls sideways: from its summary, the keyboard reaches it to scroll it.
  await page.setViewportSize({ width: 360, height: 740 })
  const summary = earnings.locator('summary', { hasText: 'Table:' })
  await summary.click()
  await summary.focus()
  await page.keyboard.press('Tab')
  await expect(earnings.getByRole('region', { name: /^Table: / })).toBeFocused()
})

test('a newcomer’s analytics say what will appear there and when, instead of blank charts', async ({
  page,
  browser,
}, testInfo) => {
  await signUpWithoutForm(page, testInfo, makeUser('freelancer'), { at: '/analytics' })
  await expect(
    page.getByText(/^Nothing to chart yet\. Each month’s proposals .* from your first proposal/),
  ).toBeVisible()
  await expect(page.getByRole('link', { name: 'Find work to send a first proposal' })).toHaveAttribute(
    'href',
    '/projects',
  )
  // A figure that cannot be worked out yet says from when it will be.
  const winRate = page.locator('.stat').filter({ hasText: 'Win rate' })
  await expect(winRate.locator('.stat__detail')).toHaveText('From your first proposal')

  const clientContext = await newBrowserContext(browser, testInfo)
  const client = await clientContext.newPage()
  await signUpWithoutForm(client, testInfo, makeUser('client'), { at: '/analytics' })
  await expect(
    client.getByText(/^Nothing to chart yet\. Your hires appear here .* from the first proposal you accept/),
  ).toBeVisible()
  await expect(client.getByRole('link', { name: 'Post a project' })).toHaveAttribute('href', '/projects/new')
  const onTime = client.locator('.stat').filter({ hasText: 'Milestones approved on time' })
  await expect(onTime.locator('.stat__detail')).toHaveText('From your first approved milestone that has a due date')
  await clientContext.close()
})

test('the demo client, who has hired, gets no newcomer’s note', async ({ page }, testInfo) => {
  await signInWithoutForm(page, testInfo, DEMO_ACCOUNTS.client.email, 'client', { at: '/analytics' })
  await expect(page.getByRole('heading', { level: 1, name: 'Your analytics' })).toBeVisible()
  await expect(page.getByText(/^Nothing to chart yet/)).toHaveCount(0)
})

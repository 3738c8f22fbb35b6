import { expect, test, type Page } from './fixtures'

// chart.js (58 KB gzip) is fetched when a reader reaches for a chart, not with the page: until then
// the server's SVG and table are the chart. JavaScript only, so this spec runs in the js project.
const CHART_JS = /\/build\/_shared\/chart-runtime-[A-Z0-9]+\.js$/

/** Every URL the page requests from now on. */
function recordRequests(page: Page): string[] {
  const urls: string[] = []
  page.on('request', (request) => urls.push(request.url()))
  return urls
}

/** The page has hydrated (charts become focusable then) and fetched all it fetches on load. */
async function settled(page: Page) {
  await expect(page.locator('figure.chart').first()).toHaveAttribute('tabindex', '0')
  await page.waitForLoadState('networkidle')
}

/** Each chart's box: the figure's and the plot's, in CSS pixels. */
function boxes(page: Page) {
  return page.locator('figure.chart').evaluateAll((figures) =>
    figures.map((figure) => {
      const box = (element: Element) => {
        const { width, height } = element.getBoundingClientRect()
        return { width: Math.round(width), height: Math.round(height) }
      }
      return { id: figure.id, figure: box(figure), plot: box(figure.querySelector('.chart__plot')!) }
    }),
  )
}

/** Each chart's table: its row labels, and per series (column) its name and cells. */
function tables(page: Page) {
  return page.locator('figure.chart').evaluateAll((figures) =>
    figures.map((figure) => {
      const table = figure.querySelector('table')!
      const names = [...table.querySelectorAll('thead th')].slice(1).map((th) => th.textContent)
      const rows = [...table.querySelectorAll('tbody tr')]
      return {
        id: figure.id,
        labels: rows.map((row) => row.querySelector('th')!.textContent),
        series: names.map((name, i) => ({
          name,
          written: rows.map((row) => row.querySelectorAll('td')[i]!.textContent),
          colour: getComputedStyle(figure.querySelectorAll('.chart__swatch')[i]!).color,
        })),
      }
    }),
  )
}

type Drawn = { labels: string[]; series: { name: string; colour: string; written: string[] }[] } | null

/** What chart.js holds for each chart, read through the chunk the page loaded. */
function drawn(page: Page, chartJsUrl: string) {
  return page.evaluate(async (url) => {
    const runtime = (await import(url)) as { drawnOn: (canvas: HTMLCanvasElement) => Drawn }
    return [...document.querySelectorAll('figure.chart')].map((figure) => {
      const shown = runtime.drawnOn(figure.querySelector('canvas')!)
      return {
        id: figure.id,
        labels: shown?.labels,
        series: shown?.series.map(({ name, written, colour }) => ({ name, written, colour })),
      }
    })
  }, chartJsUrl)
}

test('chart.js loads when the pointer enters a chart, then draws every chart’s table numbers in the same box', async ({
  adminPage: page,
}) => {
  const requests = recordRequests(page)
  await page.goto('/admin/analytics?range=30d')
  await settled(page)
  const figures = page.locator('figure.chart')
  expect(await figures.count()).toBeGreaterThan(1)
  // On load: no chart.js; every chart is the server's SVG, its numbers in hover titles.
  expect(requests.filter((url) => CHART_JS.test(url))).toEqual([])
  for (const figure of await figures.all()) await expect(figure).toHaveAttribute('data-chart', 'svg')
  const revenue = page.locator('figure#revenue-trend')
  const firstRow = revenue.locator('tbody tr').first()
  const firstTitle = revenue.locator('svg .chart__hit title').first()
  await expect(firstTitle).toHaveText(
    `${await firstRow.locator('th').textContent()} Revenue: ${await firstRow.locator('td').textContent()}`,
  )
  const before = await boxes(page)
  const expected = await tables(page)

  const chartJs = page.waitForRequest(CHART_JS)
  await revenue.locator('.chart__plot').hover()
  const chartJsUrl = (await chartJs).url()
  for (const figure of await figures.all()) {
    await expect(figure).toHaveAttribute('data-chart', 'chartjs')
    await expect(figure.locator('canvas')).toBeVisible()
    await expect(figure.locator('svg.chart__svg')).toHaveCount(0)
  }
  // The swap did not move anything: each figure and its plot keep their size.
  expect(await boxes(page)).toEqual(before)
  // chart.js holds the table's labels, series, values (written as its tooltips write them) and colours.
  expect(await drawn(page, chartJsUrl)).toEqual(expected)
  // Loaded once for the page, not once per chart.
  expect(requests.filter((url) => CHART_JS.test(url))).toHaveLength(1)
})

test('a keyboard reaches a chart on a 360 px screen: focus fetches chart.js and the chart keeps its box', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 })
  const requests = recordRequests(page)
  await page.goto('/market')
  await settled(page)
  expect(requests.filter((url) => CHART_JS.test(url))).toEqual([])
  const before = await boxes(page)

  // Tab through the page to the first chart: a figure named by its caption.
  const first = page.locator('figure.chart').first()
  const name = (await first.locator('figcaption').textContent())!
  const chartJs = page.waitForRequest(CHART_JS)
  for (let presses = 0; presses < 80; presses++) {
    await page.keyboard.press('Tab')
    if (await first.evaluate((figure) => figure === document.activeElement)) break
  }
  await expect(page.getByRole('figure', { name })).toBeFocused()
  await chartJs
  await expect(first).toHaveAttribute('data-chart', 'chartjs')
  await expect(first.locator('canvas')).toBeVisible()
  expect(await boxes(page)).toEqual(before)
})

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, viewport: { width: 360, height: 740 } })

  test('tapping a chart fetches chart.js and draws it', async ({ page }) => {
    const requests = recordRequests(page)
    await page.goto('/market')
    await settled(page)
    expect(requests.filter((url) => CHART_JS.test(url))).toEqual([])
    const first = page.locator('figure.chart').first()
    const chartJs = page.waitForRequest(CHART_JS)
    await first.locator('.chart__plot').tap()
    await chartJs
    await expect(first).toHaveAttribute('data-chart', 'chartjs')
    await expect(first.locator('canvas')).toBeVisible()
  })
})

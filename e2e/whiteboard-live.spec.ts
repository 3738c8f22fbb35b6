import { readFile } from 'node:fs/promises'
import { CALL_LAUNCH_OPTIONS, joinFromLobby, startCallFromContract } from './call-helpers'
import { clientAndFreelancerOnAContract } from './contract-pair'
import { expect, makeUser, newBrowserContext, test, type Page } from './fixtures'
import { signUpWithoutForm } from './user-fixtures'

// The whiteboard lives in the call room, which needs JavaScript and media devices: Chromium's fake
// camera and microphone, allowed without a prompt (call-helpers.ts).
test.use({ launchOptions: CALL_LAUNCH_OPTIONS })

const STROKE_COLOUR = '#1d4ed8'
const WHITE = '#ffffff'

const board = (page: Page) => page.getByRole('img', { name: /^Shared whiteboard/ })

/** Drags the mouse across the board between two points given as fractions of its size. */
async function drag(page: Page, from: [number, number], to: [number, number]) {
  const box = (await board(page).boundingBox())!
  await page.mouse.move(box.x + from[0] * box.width, box.y + from[1] * box.height)
  await page.mouse.down()
  await page.mouse.move(box.x + to[0] * box.width, box.y + to[1] * box.height, { steps: 12 })
  await page.mouse.up()
}

/** The colour the board's canvas shows at a point given as fractions of its size, as #rrggbb. */
async function colourAt(page: Page, x: number, y: number): Promise<string> {
  return board(page).evaluate(
    (canvas: HTMLCanvasElement, [fx, fy]) => {
      const [r, g, b] = canvas
        .getContext('2d')!
        .getImageData(Math.round(fx! * canvas.width), Math.round(fy! * canvas.height), 1, 1).data
      return `#${[r, g, b].map((v) => v!.toString(16).padStart(2, '0')).join('')}`
    },
    [x, y],
  )
}

test('a stroke drawn in one browser shows in the others, reaches a late joiner, undoes everywhere, and stays on the call page', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(180_000)
  const {
    freelancer: freelancerUser,
    freelancerPage: freelancer,
    freelancerContext,
    contractId,
  } = await clientAndFreelancerOnAContract(page, browser, testInfo)

  const { roomPath, callPath } = await startCallFromContract(page, contractId)
  await joinFromLobby(page)
  await freelancer.goto(roomPath)
  await joinFromLobby(freelancer)
  await expect(page.locator('figure.call-tile').filter({ hasText: freelancerUser.name })).toContainText('connected', {
    timeout: 20_000,
  })

  // The client draws a thick blue line across the middle; the freelancer's canvas shows it.
  await page.getByLabel('Stroke colour').fill(STROKE_COLOUR)
  await page.getByLabel('Stroke width').selectOption('16')
  await drag(page, [0.2, 0.5], [0.8, 0.5])
  expect(await colourAt(page, 0.5, 0.5)).toBe(STROKE_COLOUR)
  await expect.poll(() => colourAt(freelancer, 0.5, 0.5), { timeout: 10_000 }).toBe(STROKE_COLOUR)
  expect(await colourAt(freelancer, 0.5, 0.2)).toBe(WHITE)

  // The board exports as a PNG file.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export as PNG' }).click(),
  ])
  expect(download.suggestedFilename()).toBe('whiteboard.png')
  expect((await readFile(await download.path())).subarray(1, 4).toString()).toBe('PNG')

  // A third person, invited, joins late and receives the board as it is.
  const guestContext = await newBrowserContext(browser, testInfo)
  const guest = await guestContext.newPage()
  const guestUser = await signUpWithoutForm(guest, testInfo, makeUser('client'))
  await page.getByLabel('Invite someone by email').fill(guestUser.email)
  await page.getByRole('button', { name: 'Invite to the call' }).click()
  await expect(page.getByRole('status').filter({ hasText: `${guestUser.name} is invited` })).toBeVisible()
  await guest.goto(roomPath)
  await joinFromLobby(guest)
  await expect.poll(() => colourAt(guest, 0.5, 0.5), { timeout: 20_000 }).toBe(STROKE_COLOUR)

  // Clearing asks first; keeping the board leaves the stroke.
  await page.getByRole('button', { name: 'Clear board' }).click()
  await page
    .getByRole('group', { name: 'Clear the board for everyone?' })
    .getByRole('button', { name: 'Keep it' })
    .click()
  expect(await colourAt(page, 0.5, 0.5)).toBe(STROKE_COLOUR)

  // Undo takes the stroke away for everyone.
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect.poll(() => colourAt(freelancer, 0.5, 0.5)).toBe(WHITE)
  await expect.poll(() => colourAt(guest, 0.5, 0.5)).toBe(WHITE)

  // The freelancer draws a rectangle; it is saved with the call and shown on its page afterwards.
  await freelancer.getByLabel('Rectangle').check()
  await freelancer.getByLabel('Stroke colour').fill(STROKE_COLOUR)
  await freelancer.getByLabel('Stroke width').selectOption('16')
  await drag(freelancer, [0.25, 0.25], [0.75, 0.75])
  await expect.poll(() => colourAt(page, 0.25, 0.5), { timeout: 10_000 }).toBe(STROKE_COLOUR)
  await expect(freelancer.getByRole('status').filter({ hasText: 'Board saved with the call.' })).toBeVisible({
    timeout: 15_000,
  })
  for (const someone of [page, freelancer, guest]) await someone.getByRole('button', { name: 'Leave' }).click()

  await page.goto(callPath)
  const snapshot = page.getByRole('img', { name: /whiteboard/ })
  await expect(snapshot.locator(`rect[stroke="${STROKE_COLOUR}"]`)).toHaveCount(1)
  await expect(snapshot.locator(`path[stroke="${STROKE_COLOUR}"]`)).toHaveCount(0)

  await Promise.all([freelancerContext.close(), guestContext.close()])
})

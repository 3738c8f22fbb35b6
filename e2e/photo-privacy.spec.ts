import { CLEAN_JPEG, jpegWithMetadata } from '~/test/image-fixtures'
import { expect, expectPath, makeUser, newBrowserContext, test, toast } from './fixtures'
import { signUpWithoutForm } from './user-fixtures'

/*
 * A phone photo in a portfolio: a visitor's browser draws it upright (its orientation is kept) and
 * what it downloads names no place, camera or person. A photo of more pixels than a phone can hold
 * decoded is refused with what to do.
 */
test('a phone photo in a portfolio shows upright to visitors, without where it was taken', async ({
  page,
  browser,
}, testInfo) => {
  await signUpWithoutForm(page, testInfo, makeUser('freelancer'))
  await page.goto('/settings/portfolio')
  await expect(page.getByText('Where a photo was taken and the camera’s details are removed.')).toBeVisible()

  const huge = Uint8Array.from(CLEAN_JPEG)
  const frame = huge.findIndex((byte, index) => byte === 0xff && huge[index + 1] === 0xc0)
  huge.set([0x3e, 0x80, 0x3e, 0x80], frame + 5) // 16,000 × 16,000
  await page.getByLabel('Title').fill('Shop front')
  await page
    .getByLabel('Images')
    .setInputFiles({ name: 'banner.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(huge) })
  await page.getByRole('button', { name: 'Add to portfolio' }).click()
  await expect(
    page.getByText('"banner.jpg" has 256 megapixels; an image may have at most 50. Save it at a smaller size'),
  ).toBeVisible()
  await expect(page.getByLabel('Title')).toHaveValue('Shop front')

  await page
    .getByLabel('Images')
    .setInputFiles({ name: 'desk.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpegWithMetadata(6)) })
  await page.getByRole('button', { name: 'Add to portfolio' }).click()
  await expect(toast(page)).toHaveText('“Shop front” is in your portfolio.')
  await page.goto('/settings')
  await page.getByRole('link', { name: 'See your public profile' }).click()
  await expect(page).toHaveURL(/\/freelancers\/[\w-]+$/)
  const profile = new URL(page.url()).pathname

  const visitorContext = await newBrowserContext(browser, testInfo)
  const visitor = await visitorContext.newPage()
  await visitor.goto(profile)
  await expectPath(visitor, profile)
  const image = visitor.locator('img[src^="/portfolio/images/"]').first()
  await expect(image).toBeVisible()
  // Drawn as the phone held it: the 4 × 2 picture turned a quarter, 2 wide and 4 high.
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => `${img.naturalWidth}×${img.naturalHeight}`))
    .toBe('2×4')
  const served = await visitor.request.get((await image.getAttribute('src'))!)
  const text = (await served.body()).toString('latin1')
  for (const leak of ['Pixel 8 Pro', 'Jane Doe', 'Acacia Avenue', 'GPSLatitude']) expect(text).not.toContain(leak)
  await visitorContext.close()
})

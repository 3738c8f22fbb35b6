import { expect, test } from './fixtures'

// A 360 px phone: nothing on a public page may push the page sideways, and the header's way in
// (Find work, Sign in, Sign up) stays on the screen.
test('public pages fit a 360 px phone, with Find work, Sign in and Sign up on screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  for (const path of ['/', '/projects', '/market', '/sign-in', '/sign-up', '/help']) {
    await page.goto(path)
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width, `${path} is ${width} px wide`).toBeLessThanOrEqual(360)
    const account = page.getByRole('navigation', { name: 'Account' })
    for (const name of ['Find work', 'Sign in', 'Sign up']) {
      const box = await account.getByRole('link', { name, exact: true }).boundingBox()
      expect(box, `${name} on ${path}`).not.toBeNull()
      expect(box!.x + box!.width, `${name} on ${path}`).toBeLessThanOrEqual(360)
    }
    await expect(page.getByRole('link', { name: 'MegiLance home' })).toBeVisible()
  }
})

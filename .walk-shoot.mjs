// usage: node shoot.mjs <who|anon> <name> <path> [variants: e.g. 360-light-js,1280-dark-nojs]
import { chromium } from '@playwright/test'
const [who, name, path, variantArg] = process.argv.slice(2)
const variants = (variantArg ?? '360-light-js,360-dark-nojs,1280-light-js,1280-dark-nojs').split(',')
const base = 'http://localhost:3112'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--no-first-run'] })
const cookies = {}
for (const v of variants) {
  const [w, scheme, js] = v.split('-')
  const ctx = await browser.newContext({ viewport: { width: Number(w), height: 800 }, colorScheme: scheme, javaScriptEnabled: js === 'js' })
  const page = await ctx.newPage()
  if (who !== 'anon') {
    await page.goto(base + '/sign-in')
    await page.getByLabel('Email').fill(`${who}@megilance.test`)
    await page.getByLabel('Password').fill('MegiLance-demo-2026')
    await page.getByRole('button', { name: /sign in/i }).first().click()
    await page.waitForLoadState('load')
  }
  await page.goto(base + path)
  await page.screenshot({ path: `/tmp/walk/${name}-${v}.png`, fullPage: process.env.FULL === '1', ...(process.env.CLIP ? { clip: { x: 0, y: 0, width: Number(w), height: Number(process.env.CLIP) }, fullPage: true } : {}) })
  console.log(v, page.url(), (await page.title()))
  await ctx.close()
}
await browser.close()

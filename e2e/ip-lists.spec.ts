import { confirmWithEmailCode, expect, expectPath, signIn, signUp, submitSignIn, test, toast } from './fixtures'
import { signUpWithoutForm } from './user-fixtures'
import { browserFrom, filterSecurityEvents, UK_IP, US_IP, userWithPlainName } from './ip-fixtures'

test('an admin blocks an IP range: bad ranges are refused, sign-ins from it are refused and logged', async ({
  page: userPage,
  adminPage,
  browser,
}, testInfo) => {
  // Each project uses its own documentation range, so the two never collide in one run.
  const network = testInfo.project.name === 'js' ? '198.51.100' : '192.0.2'
  const user = await signUpWithoutForm(userPage, testInfo, userWithPlainName('client', 'Bea Blocklist'))
  const page = adminPage
  await page.getByRole('navigation', { name: 'Admin portal' }).getByRole('link', { name: 'IP blocklist' }).click()
  await expectPath(page, '/admin/ip-blocklist')
  await expect(page.getByRole('heading', { level: 1, name: 'IP blocklist' })).toBeVisible()

  const range = page.getByLabel('IP address or range')
  const reason = page.getByLabel('Reason')
  const block = page.getByRole('button', { name: 'Block', exact: true })

  await range.fill(`${network}.0/33`)
  await reason.fill('Card testing from this network')
  await block.click()
  await expect(
    page.getByText('Enter an IP address such as 203.0.113.7 or a range such as 203.0.113.0/24'),
  ).toBeVisible()
  await expect(range).toHaveValue(`${network}.0/33`)

  await range.fill(`${network}.7/24`)
  await reason.fill('')
  await block.click()
  await expect(page.getByText('Say why this range is blocked')).toBeVisible()

  // The admin's own address is refused: they would shut themselves out.
  const ownIp = (await page.getByText(/Your own IP address now is/).textContent())?.match(
    /now is ([0-9a-f.:]+)\./i,
  )?.[1]
  expect(ownIp).toBeTruthy()
  await range.fill(ownIp!)
  await reason.fill('Testing')
  await block.click()
  await expect(page.getByText(/so you would block yourself\.$/)).toBeVisible()

  // A single address inside the range is stored as the range's network.
  await range.fill(`${network}.7/24`)
  await reason.fill('Card testing from this network')
  await block.click()
  await expect(toast(page)).toHaveText(`${network}.0/24 is blocked: sign-ins from it are refused.`)
  const row = page
    .getByRole('list', { name: 'Blocked addresses' })
    .getByRole('listitem')
    .filter({ hasText: `${network}.0/24` })
  await expect(row).toContainText('Card testing from this network')
  await expect(row).toContainText('by Ada Admin')

  await range.fill(`${network}.0/24`)
  await reason.fill('Again')
  await block.click()
  await expect(page.getByText(`${network}.0/24 is already on the blocklist.`)).toBeVisible()

  // A sign-in from inside the range is refused with a clear message, and the admin sees why.
  const blockedContext = await browserFrom(browser, testInfo, `${network}.7`)
  const blocked = await blockedContext.newPage()
  await submitSignIn(blocked, user)
  await expect(blocked.getByRole('alert')).toHaveText(/Sign-in from this network is blocked\./)
  await expectPath(blocked, '/sign-in')
  const refusals = (await filterSecurityEvents(page, user.email, 'High')).filter({
    hasText: 'Sign-in refused: blocked IP range',
  })
  await expect(refusals).toHaveCount(1)
  await expect(refusals).toContainText(`${network}.7`)
  await expect(refusals).toContainText(/Blocked IP range\s*\+100 points/)

  await page.goto('/admin/ip-blocklist')
  await row.getByRole('button', { name: `Remove ${network}.0/24 from the blocklist` }).click()
  await expect(toast(page)).toHaveText('The range is removed from the blocklist.')
  await expect(row).toHaveCount(0)
  await signIn(blocked, user, 'client')
  await blockedContext.close()
})

test('a user keeps an IP allowlist that always includes where they are; sign-in from elsewhere is refused', async ({
  browser,
}, testInfo) => {
  const context = await browserFrom(browser, testInfo, UK_IP)
  const page = await context.newPage()
  const user = await signUp(page, userWithPlainName('freelancer', 'Ali Allowlist'))

  await page.goto('/settings/security')
  await page.getByRole('link', { name: 'IP allowlist' }).click()
  await expectPath(page, '/settings/security/allowlist')
  await expect(page.getByRole('heading', { level: 2, name: 'IP allowlist' })).toBeVisible()
  await expect(page.getByText(`The IP address you are using now: ${UK_IP}`)).toBeVisible()
  await expect(page.getByText('Your allowlist is empty, so you can sign in from anywhere.')).toBeVisible()
  // Changing the list needs a second factor first.
  await expect(page.getByLabel('IP address or range')).toHaveCount(0)
  await page.getByRole('link', { name: 'Confirm it is you' }).click()
  await confirmWithEmailCode(page, user.email)
  await expectPath(page, '/settings/security/allowlist')

  const range = page.getByLabel('IP address or range')
  const add = page.getByRole('button', { name: 'Add to allowlist' })
  await range.fill('81.2.69')
  await add.click()
  await expect(
    page.getByText('Enter an IP address such as 203.0.113.7 or a range such as 203.0.113.0/24'),
  ).toBeVisible()

  await range.fill('216.160.83.0/24')
  await add.click()
  await expect(page.getByText(`would not include the IP address you are using now (${UK_IP})`)).toBeVisible()
  await expect(range).toHaveValue('216.160.83.0/24')

  await range.fill('81.2.69.0/24')
  await page.getByLabel('Label (optional)').fill('Office')
  await add.click()
  await expect(toast(page)).toHaveText('81.2.69.0/24 is on your allowlist.')
  const entries = page.getByRole('list', { name: 'Allowed addresses' }).getByRole('listitem')
  await expect(entries).toHaveCount(1)
  await expect(entries.first()).toContainText('81.2.69.0/24 · Office')

  // From the US, outside the list, the password alone is not enough.
  const usContext = await browserFrom(browser, testInfo, US_IP)
  const us = await usContext.newPage()
  await submitSignIn(us, user)
  await expect(us.getByRole('alert')).toHaveText(/only allows sign-in from its own networks \(IP allowlist\)/)
  await expectPath(us, '/sign-in')

  await entries.first().getByRole('button', { name: 'Remove 81.2.69.0/24' }).click()
  await expect(toast(page)).toHaveText('81.2.69.0/24 is removed from your allowlist.')
  await expect(page.getByText('Your allowlist is empty, so you can sign in from anywhere.')).toBeVisible()

  await page.goto('/settings/security/log')
  const events = page.getByRole('list', { name: 'Security events' }).getByRole('listitem')
  const changes = events.filter({ hasText: 'IP allowlist changed' })
  await expect(changes).toHaveCount(2)
  await expect(changes.first()).toContainText('Removed 81.2.69.0/24; the allowlist is now off')
  await expect(changes.last()).toContainText('Added 81.2.69.0/24 (Office)')
  await expect(changes.last()).toContainText('United Kingdom')
  const refused = events.filter({ hasText: 'Sign-in refused: outside the IP allowlist' })
  await expect(refused).toContainText('High')
  await expect(refused).toContainText(US_IP)
  await usContext.close()
  await context.close()
})
